package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

/**
 * Responses shaped like the API server's: JSON objects, {@code Status} failures, plain-text logs.
 */
final class ApiResponses {
  private ApiResponses() {}

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  static MockResponse text(String body) {
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(body);
  }

  /** A {@code metav1.Status} failure, e.g. {@code (404, "NotFound", "pods \"x\" not found")}. */
  static MockResponse status(int code, String reason, String message) {
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure");
    status.put("message", message);
    status.put("reason", reason);
    status.put("code", code);
    return json(code, status.toString());
  }

  static MockResponse notFound(ResourcePath path) {
    return status(404, "NotFound", path.qualifiedPlural() + " \"" + path.name() + "\" not found");
  }

  static MockResponse badRequest(String message) {
    return status(400, "BadRequest", message);
  }
}
