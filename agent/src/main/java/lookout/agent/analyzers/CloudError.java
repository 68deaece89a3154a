package lookout.agent.analyzers;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cloud refused, out of the long wrapped error a CSI driver, cloud-controller-manager or
 * attacher passes on ("… could not create volume in EC2: operation error EC2: CreateVolume, https
 * response error StatusCode: 403, RequestID: …, api error UnauthorizedOperation: You are not
 * authorized …"). The useful words sit at the end of the chain, behind request ids and opaque blobs
 * that a clipped headline never reaches: this finds the provider's error code and message in the
 * shapes the common SDKs print them (AWS SDK v1 and v2, Google API, Azure, Alibaba and Tencent
 * Cloud), so the answer leads with them.
 */
record CloudError(String code, String status, String message) {
  private static final List<Pattern> SHAPES =
      List.of(
          // AWS SDK for Go v2: "… StatusCode: 403, RequestID: …, api error Code: message"
          Pattern.compile("api error ([A-Za-z][\\w.]*): (.+)", Pattern.DOTALL),
          // Google APIs: "googleapi: Error 403: message, reason"
          Pattern.compile("googleapi: Error (\\d{3}): (.+)", Pattern.DOTALL),
          // a JSON error body (Azure's RawError, many REST APIs):
          // {"error":{"code":"OperationNotAllowed","message":"Cannot resize disk …"}}
          Pattern.compile(
              "\"code\"\\s*:\\s*\"([A-Za-z][\\w.]*)\"\\s*,\\s*\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\""),
          // Azure SDK: Code="QuotaExceeded" Message="…"
          Pattern.compile("Code=\"([^\"]+)\"\\s+Message=\"([^\"]+)\""),
          // Azure SDK (track 2): "ERROR CODE: AuthorizationFailed … message"
          Pattern.compile("ERROR CODE: ([A-Za-z][\\w.]*)\\s*-*\\s*(.+)", Pattern.DOTALL),
          // Tencent Cloud: "[TencentCloudSDKError] Code=X, Message=Y, RequestId=Z"
          Pattern.compile(
              "Code=([A-Za-z][\\w.]*), Message=(.+?)(?:, RequestId=|$)", Pattern.DOTALL),
          // Alibaba Cloud: "ErrorCode: X … Message: Y"
          Pattern.compile("ErrorCode: ([A-Za-z][\\w.]*).*?Message: (.+)", Pattern.DOTALL),
          // AWS SDK for Go v1: "UnauthorizedOperation: message\n\tstatus code: 403, request id: …"
          Pattern.compile(
              "([A-Z][A-Za-z]+(?:\\.[A-Za-z]+)*): ([^:]+?)\\s+status code: \\d{3}", Pattern.DOTALL),
          // AWS SDK for Go v1 as a driver wraps it, without the status trailer ("could not create
          // volume in EC2: UnauthorizedOperation: You are not authorized …"): a CamelCase code of
          // two words or more, dotted parts allowed (InvalidVolume.NotFound), then the sentence
          Pattern.compile(
              "(?<![\\w.])((?:[A-Z][a-z0-9]+){2,}(?:\\.[A-Z][A-Za-z0-9]+)*): ([A-Z].{9,})",
              Pattern.DOTALL));

  private static final Pattern STATUS =
      Pattern.compile("(?:StatusCode: |status code: |HTTP |RESPONSE |Error )(\\d{3})\\b");
  private static final Pattern NOISE =
      Pattern.compile(
          "(?i)\\s*(?:Encoded authorization failure message: \\S+|,?\\s*request ?id[:=] ?[\\w-]+)");

  /** The provider's code and message in {@code text}, if it carries one. */
  static Optional<CloudError> in(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    for (Pattern shape : SHAPES) {
      Matcher m = shape.matcher(text);
      if (m.find()) {
        Matcher status = STATUS.matcher(text);
        String code = m.group(1);
        String message = NOISE.matcher(m.group(2)).replaceAll("").replaceAll("\\s+", " ").strip();
        String http = status.find() ? status.group(1) : code.matches("\\d{3}") ? code : null;
        return Optional.of(new CloudError(code, http, message));
      }
    }
    return Optional.empty();
  }

  /** "UnauthorizedOperation (HTTP 403): You are not authorized …". */
  String text() {
    String head =
        code.matches("\\d{3}")
            ? "HTTP " + code
            : status == null ? code : code + " (HTTP " + status + ")";
    return head + ": " + message;
  }
}
