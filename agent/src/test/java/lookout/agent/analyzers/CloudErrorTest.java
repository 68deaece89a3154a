package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The provider's own code and message, found at the end of the chains drivers wrap them in. */
class CloudErrorTest {
  @Test
  void aws_sdk_v2_api_error_behind_request_id_and_status() {
    String m =
        "rpc error: code = Internal desc = Could not create volume \"pvc-9\": could not create"
            + " volume in EC2: operation error EC2: CreateVolume, https response error StatusCode:"
            + " 400, RequestID: 0c2d1e7a-aaaa-bbbb-cccc-1234567890ab, api error"
            + " VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit of 50 TiB in"
            + " this region.";

    assertThat(CloudError.in(m).orElseThrow().text())
        .isEqualTo(
            "VolumeLimitExceeded (HTTP 400): You have exceeded your maximum gp3 storage limit of"
                + " 50 TiB in this region.");
  }

  @Test
  void aws_encoded_authorization_blob_is_dropped() {
    String m =
        "api error UnauthorizedOperation: You are not authorized to perform this operation."
            + " Encoded authorization failure message: AbCdEf0123456789_-AbCdEf0123456789";

    assertThat(CloudError.in(m).orElseThrow().text())
        .isEqualTo("UnauthorizedOperation: You are not authorized to perform this operation.");
  }

  @Test
  void aws_sdk_v1_code_and_status_line() {
    String m =
        "AttachVolume.Attach failed for volume \"pvc-1\" : rpc error: code = Internal desc ="
            + " IncorrectState: vol-0abc is not 'available'.\n\tstatus code: 400, request id: 77e";

    CloudError e = CloudError.in(m).orElseThrow();

    assertThat(e.code()).isEqualTo("IncorrectState");
    assertThat(e.status()).isEqualTo("400");
    assertThat(e.message()).isEqualTo("vol-0abc is not 'available'.");
  }

  @Test
  void google_api_error() {
    String m =
        "rpc error: code = ResourceExhausted desc = CreateVolume failed: googleapi: Error 403:"
            + " Quota 'SSD_TOTAL_GB' exceeded.  Limit: 500.0 in region europe-west1., quotaExceeded";

    assertThat(CloudError.in(m).orElseThrow().text())
        .isEqualTo(
            "HTTP 403: Quota 'SSD_TOTAL_GB' exceeded. Limit: 500.0 in region europe-west1.,"
                + " quotaExceeded");
  }

  @Test
  void azure_code_and_message() {
    String m =
        "Retriable: false, RetryAfter: 0s, HTTPStatusCode: 409, RawError: Code=\"OperationNotAllowed\""
            + " Message=\"The disk is attached to another VM.\"";

    assertThat(CloudError.in(m).orElseThrow().code()).isEqualTo("OperationNotAllowed");
    assertThat(CloudError.in(m).orElseThrow().message())
        .isEqualTo("The disk is attached to another VM.");
  }

  @Test
  void tencent_and_alibaba_shapes() {
    String tencent =
        "[TencentCloudSDKError] Code=ResourceInsufficient.Disk, Message=The disk type is sold"
            + " out in this zone., RequestId=2b6c9f1e";
    String alibaba =
        "SDK.ServerError\nErrorCode: InvalidDiskCategory.NotSupported\nRecommend: see docs\n"
            + "RequestId: 1234\nMessage: The specified disk category is not supported.";

    assertThat(CloudError.in(tencent).orElseThrow().text())
        .isEqualTo("ResourceInsufficient.Disk: The disk type is sold out in this zone.");
    assertThat(CloudError.in(alibaba).orElseThrow().text())
        .isEqualTo(
            "InvalidDiskCategory.NotSupported: The specified disk category is not supported.");
  }

  @Test
  void messages_without_a_cloud_error_are_left_alone() {
    assertThat(CloudError.in("waiting for first consumer to be created before binding")).isEmpty();
    assertThat(CloudError.in(null)).isEmpty();
  }

  @Test
  void aws_sdk_v1_code_as_the_ebs_driver_wraps_it_without_a_status_line() {
    String m =
        "failed to provision volume with StorageClass \"gp3-kms\": rpc error: code = Internal desc"
            + " = Could not create volume \"pvc-1\": could not create volume in EC2:"
            + " UnauthorizedOperation: You are not authorized to perform this operation. User:"
            + " arn:aws:sts::111122223333:assumed-role/ebs-csi/1 is not authorized to perform:"
            + " kms:CreateGrant on resource: arn:aws:kms:eu-west-1:111122223333:key/abc";

    assertThat(CloudError.in(m).orElseThrow().text())
        .startsWith("UnauthorizedOperation: You are not authorized")
        .contains("kms:CreateGrant");
  }

  @Test
  void kubernetes_own_messages_are_not_cloud_codes() {
    assertThat(
            CloudError.in(
                "MountVolume.SetUp failed for volume \"config\" : configmap \"app\" not found"))
        .isEmpty();
    assertThat(
            CloudError.in(
                "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims."))
        .isEmpty();
  }

  @Test
  void a_json_error_body_as_azure_returns_it() {
    String m =
        "resize volume \"pvc-1\" by resizer \"disk.csi.azure.com\" failed: rpc error: code = Internal"
            + " desc = failed to resize disk(/subscriptions/x/disks/pvc-1) with error(Retriable:"
            + " false, RetryAfter: 0s, HTTPStatusCode: 409, RawError:"
            + " {\"error\":{\"code\":\"OperationNotAllowed\",\"message\":\"Cannot resize disk"
            + " pvc-1 while it is attached to running VM vm-0.\"}})";

    assertThat(CloudError.in(m).orElseThrow().text())
        .isEqualTo(
            "OperationNotAllowed (HTTP 409): Cannot resize disk pvc-1 while it is attached to running"
                + " VM vm-0.");
  }
}
