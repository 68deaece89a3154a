package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaimAnalyzerTest {
  private static final ObjectRef DB = new ObjectRef("StatefulSet", "shop", "db");

  static String claim(String classLine, String phase, String volume) {
    return """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data-db-0, namespace: shop}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 20Gi}}
          %s
          %s
        status: {phase: %s}
        ---
        """
        .formatted(classLine, volume == null ? "" : "volumeName: " + volume, phase);
  }

  static String storageClass(String name, String provisioner, String binding, boolean isDefault) {
    return """
        apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata:
          name: %s
          annotations: {storageclass.kubernetes.io/is-default-class: "%s"}
        provisioner: %s
        reclaimPolicy: Delete
        volumeBindingMode: %s
        ---
        """
        .formatted(name, isDefault, provisioner, binding);
  }

  static String event(String reason, String type, String message) {
    return """
        apiVersion: v1
        kind: Event
        metadata: {name: data-db-0.%s, namespace: shop}
        involvedObject: {kind: PersistentVolumeClaim, namespace: shop, name: data-db-0}
        reason: %s
        type: %s
        message: '%s'
        count: 7
        source: {component: persistentvolume-controller}
        lastTimestamp: '2026-01-01T11:58:00Z'
        ---
        """
        .formatted(reason.toLowerCase(), reason, type, message.replace("'", "''"));
  }

  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-0
        namespace: shop
        ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, controller: true, uid: a1}]
      spec:
        %s
        containers: [{name: postgres, image: postgres:16}]
        volumes: [{name: data, persistentVolumeClaim: {claimName: data-db-0}}]
      status: {phase: %s}
      ---
      """;

  static final String PENDING_POD = POD.formatted("", "Pending");
  static final String RUNNING_POD = POD.formatted("nodeName: worker-2", "Running");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "class does not exist",
            claim("storageClassName: fast-ssd", "Pending", null)
                + storageClass("gp3", "ebs.csi.aws.com", "WaitForFirstConsumer", true)
                + event(
                    "ProvisioningFailed",
                    "Warning",
                    "storageclass.storage.k8s.io \"fast-ssd\" not found")
                + PENDING_POD,
            Finding.Severity.WARNING,
            "is not bound because its StorageClass fast-ssd does not exist; 1 pod waits for it",
            "fix: recreate claim shop/data-db-0 with an existing storageClassName (gp3), or create StorageClass fast-ssd"),
        Arguments.of(
            "no class and no default class",
            claim("", "Pending", null)
                + storageClass("standard", "rancher.io/local-path", "WaitForFirstConsumer", false)
                + event(
                    "FailedBinding",
                    "Normal",
                    "no persistent volumes available for this claim and no storage class is set")
                + PENDING_POD,
            Finding.Severity.WARNING,
            "is not bound because it names no storage class and there was no default class when it was created; 1 pod waits for it",
            "fix: recreate claim shop/data-db-0 with storageClassName set to one of: standard, or mark a class as default (annotation storageclass.kubernetes.io/is-default-class=true)"),
        Arguments.of(
            "provisioner failed, with its message",
            claim("storageClassName: gp3", "Pending", null)
                + storageClass("gp3", "ebs.csi.aws.com", "Immediate", true)
                + event(
                    "ProvisioningFailed",
                    "Warning",
                    "failed to provision volume with StorageClass \"gp3\": rpc error: code = Internal desc = Could not create volume \"pvc-5f0c\": UnauthorizedOperation: You are not authorized to perform this operation.")
                + PENDING_POD,
            Finding.Severity.WARNING,
            "is not bound because provisioning failed: the cloud refused it: UnauthorizedOperation: You are not authorized to perform this operation.; 1 pod waits for it",
            "fix: fix what the provisioner ebs.csi.aws.com reports (class parameters, cloud quota or permissions, zone), then it retries by itself"),
        Arguments.of(
            "a cloud quota behind nested gRPC errors is said in its own words",
            claim("storageClassName: premium-rwo", "Pending", null)
                + storageClass("premium-rwo", "pd.csi.storage.gke.io", "Immediate", true)
                + event(
                    "ProvisioningFailed",
                    "Warning",
                    "failed to provision volume with StorageClass \"premium-rwo\": rpc error: code = ResourceExhausted desc = CreateVolume failed to create single zonal disk \"pvc-5b0e\":\n    failed to insert zonal disk: unknown Insert disk operation error: rpc error: code = ResourceExhausted desc = operation operation-1733506014228 failed (QUOTA_EXCEEDED):\n    Quota 'SSD_TOTAL_GB' exceeded.  Limit: 500.0 in region europe-west1.")
                + PENDING_POD,
            Finding.Severity.WARNING,
            "is not bound because provisioning failed (ResourceExhausted): operation operation-1733506014228 failed (QUOTA_EXCEEDED): Quota 'SSD_TOTAL_GB' exceeded. Limit: 500.0 in region eur…",
            "fix: fix what the provisioner pd.csi.storage.gke.io reports (class parameters, cloud quota or permissions, zone), then it retries by itself"),
        Arguments.of(
            "WaitForFirstConsumer is normal until the pod is scheduled",
            claim("storageClassName: gp3", "Pending", null)
                + storageClass("gp3", "ebs.csi.aws.com", "WaitForFirstConsumer", true)
                + event(
                    "WaitForFirstConsumer",
                    "Normal",
                    "waiting for first consumer to be created before binding")
                + PENDING_POD,
            Finding.Severity.INFO,
            "is not bound because its class binds on first use (WaitForFirstConsumer) and pod db-0 is not scheduled yet; 1 pod waits for it",
            "fix: the pod's scheduling problem is the cause: fix that and the volume is created on the chosen node"),
        Arguments.of(
            "external provisioner never answers",
            claim("storageClassName: ceph-rbd", "Pending", null)
                + storageClass("ceph-rbd", "rbd.csi.ceph.com", "Immediate", false)
                + event(
                    "ExternalProvisioning",
                    "Normal",
                    "Waiting for a volume to be created either by the external provisioner 'rbd.csi.ceph.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")
                + PENDING_POD,
            Finding.Severity.WARNING,
            "is not bound because it is still waiting for rbd.csi.ceph.com to create a volume; 1 pod waits for it",
            "fix: check that the rbd.csi.ceph.com controller pods are running and read their logs"),
        Arguments.of(
            "lost",
            claim("storageClassName: gp3", "Lost", "pvc-5f0c")
                + event(
                    "ClaimLost",
                    "Warning",
                    "Bound claim has lost its PersistentVolume. Data on the volume is lost!")
                + RUNNING_POD,
            Finding.Severity.CRITICAL,
            "is Lost: its PersistentVolume pvc-5f0c no longer exists, so the data on it is gone",
            "fix: restore the data from a backup or snapshot into a new claim and point the pods at it; a Lost claim never binds again"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void a_claim_that_is_not_bound_says_why_and_what_to_change(
      String name, String yaml, Finding.Severity severity, String summary, String fix) {
    assertThat(new ClaimAnalyzer(CLOCK).analyze(YamlFacts.facts(DB, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(severity);
              assertThat(f.summary()).isEqualTo(summary);
              assertThat(f.fixes()).containsExactly(fix.substring("fix: ".length()));
            });
  }

  @Test
  void the_schedulers_volume_binding_failure_blames_the_claim_whose_provisioning_failed() {
    String yaml =
        claim("storageClassName: gp3", "Pending", null)
            + PENDING_POD.replace(
                "status: {phase: Pending}",
                "status:\n  phase: Pending\n  conditions: [{type: PodScheduled, status: 'False',"
                    + " reason: SchedulerError, message: 'running PreBind plugin \"VolumeBinding\":"
                    + " binding volumes: provisioning failed for PVC \"data-db-0\"'}]");

    assertThat(new PendingAnalyzer(CLOCK).analyze(YamlFacts.facts(DB, yaml)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.blames())
                    .containsExactly(new ObjectRef("PersistentVolumeClaim", "shop", "data-db-0")));
  }

  @Test
  void a_bound_claim_or_an_unused_quiet_pending_one_is_not_reported() {
    String yaml =
        claim("storageClassName: gp3", "Bound", "pvc-5f0c")
            + claim("storageClassName: gp3", "Pending", null).replace("data-db-0", "spare");
    assertThat(new ClaimAnalyzer(CLOCK).analyze(YamlFacts.facts(null, yaml))).isEmpty();
  }

  @Test
  void multi_attach_of_a_read_write_once_volume_names_the_node_still_holding_it() {
    String yaml =
        claim("storageClassName: gp3", "Bound", "pvc-5f0c")
            + RUNNING_POD
            + """
            apiVersion: v1
            kind: Event
            metadata: {name: db-0.multi, namespace: shop}
            involvedObject: {kind: Pod, namespace: shop, name: db-0}
            reason: FailedAttachVolume
            type: Warning
            message: 'Multi-Attach error for volume "pvc-5f0c" Volume is already exclusively attached to one node and can''t be attached to another'
            count: 3
            lastTimestamp: '2026-01-01T11:59:00Z'
            ---
            apiVersion: storage.k8s.io/v1
            kind: VolumeAttachment
            metadata: {name: csi-0a1b2c}
            spec:
              attacher: ebs.csi.aws.com
              nodeName: worker-1
              source: {persistentVolumeName: pvc-5f0c}
            status: {attached: true}
            """;

    assertThat(new VolumeAttachAnalyzer(CLOCK).analyze(YamlFacts.facts(DB, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "volume pvc-5f0c of claim shop/data-db-0 cannot attach to a second node: it is"
                          + " ReadWriteOnce and still attached to worker-1");
              assertThat(f.evidence())
                  .startsWith(
                      "pod db-0 on worker-2: FailedAttachVolume ×3 (last 1m ago): Multi-Attach"
                          + " error for volume \"pvc-5f0c\" Volume is already exclusively attached"
                          + " to one node and can't be attached to another");
            });
  }

  @Test
  void an_attach_error_on_the_volume_attachment_is_quoted() {
    String yaml =
        claim("storageClassName: gp3", "Bound", "pvc-5f0c")
            + RUNNING_POD
            + """
            apiVersion: storage.k8s.io/v1
            kind: VolumeAttachment
            metadata: {name: csi-0a1b2c}
            spec:
              attacher: ebs.csi.aws.com
              nodeName: worker-2
              source: {persistentVolumeName: pvc-5f0c}
            status:
              attached: false
              attachError: {time: '2026-01-01T11:57:00Z', message: 'rpc error: code = Internal desc = Could not attach volume "vol-0abc" to node "i-0123": attachment of disk "vol-0abc" failed, expected device to be attached but was attaching'}
            """;

    assertThat(new VolumeAttachAnalyzer(CLOCK).analyze(YamlFacts.facts(DB, yaml)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.summary())
                    .startsWith(
                        "volume pvc-5f0c of claim shop/data-db-0 cannot be attached: attachError:"
                            + " rpc error: code = Internal desc = Could not attach volume"));
  }
}
