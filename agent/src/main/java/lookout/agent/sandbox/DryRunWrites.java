package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes with {@code dryRun=All}: validated against the stored object and answered with the object
 * as it would be, never persisted (the CRUD mock would persist them). Also refuses patch bodies the
 * real server refuses, before they reach the mock (a JSON patch that is not an array hangs it).
 */
final class DryRunWrites {
  private final KubernetesCrudDispatcher crud;

  DryRunWrites(KubernetesCrudDispatcher crud) {
    this.crud = crud;
  }

  static boolean applies(ApiRequest request) {
    return request.isWrite() && "All".equals(request.param("dryRun"));
  }

  /** A 4xx for a patch the API server would reject, or null when the patch may proceed. */
  static MockResponse rejectPatch(ApiRequest request) {
    if (!request.is("PATCH")) {
      return null;
    }
    String type = request.contentType();
    if (type.contains("strategic-merge-patch") || type.contains("apply-patch")) {
      return ApiResponses.status(
          415,
          "UnsupportedMediaType",
          "the sandbox accepts application/json-patch+json and application/merge-patch+json only");
    }
    JsonNode body = parse(request.body());
    if (body == null) {
      return ApiResponses.badRequest("the patch body is not valid JSON");
    }
    if (type.contains("json-patch") && !body.isArray()) {
      return ApiResponses.badRequest(
          "json: cannot unmarshal "
              + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + " into Go value of type jsonpatch.Patch");
    }
    if (type.contains("merge-patch") && !body.isObject()) {
      return ApiResponses.badRequest("a merge patch must be a JSON object");
    }
    return null;
  }

  MockResponse handle(ApiRequest request) {
    ResourcePath path = ResourcePath.parse(request.path()).orElse(null);
    if (path == null) {
      return ApiResponses.status(
          404, "NotFound", "the server could not find the requested resource");
    }
    if (request.is("POST")) {
      return create(request, path);
    }
    MockResponse stored = crud.handleGet(path.fullPath());
    if (stored.code() != 200) {
      return ApiResponses.notFound(path);
    }
    JsonNode current = parse(new String(stored.getBody().getBytes(), StandardCharsets.UTF_8));
    return switch (request.method()) {
      case "DELETE" -> ApiResponses.json(200, current.toString());
      case "PUT" -> replace(request, current);
      default -> patch(request, current);
    };
  }

  private MockResponse create(ApiRequest request, ResourcePath collection) {
    JsonNode body = parse(request.body());
    if (!(body instanceof ObjectNode object) || !body.path("metadata").isObject()) {
      return ApiResponses.badRequest("Object 'metadata' is missing in the request body");
    }
    ObjectNode metadata = (ObjectNode) object.get("metadata");
    String name = metadata.path("name").asText("");
    if (name.isEmpty()) {
      name =
          metadata.path("generateName").asText("") + UUID.randomUUID().toString().substring(0, 5);
      metadata.put("name", name);
    }
    String itemPath = collection.objectPath() + "/" + name;
    if (crud.handleGet(itemPath).code() == 200) {
      return ApiResponses.status(
          409, "AlreadyExists", collection.qualifiedPlural() + " \"" + name + "\" already exists");
    }
    if (collection.namespace() != null) {
      metadata.put("namespace", collection.namespace());
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    metadata.put("generation", 1);
    return ApiResponses.json(201, object.toString());
  }

  private static MockResponse replace(ApiRequest request, JsonNode current) {
    JsonNode body = parse(request.body());
    if (body == null || !body.isObject()) {
      return ApiResponses.badRequest("the request body is not a JSON object");
    }
    String sent = body.path("metadata").path("resourceVersion").asText("");
    String stored = current.path("metadata").path("resourceVersion").asText("");
    if (!sent.isEmpty() && !sent.equals(stored)) {
      return ApiResponses.status(
          409,
          "Conflict",
          "Operation cannot be fulfilled: the object has been modified; please apply your changes"
              + " to the latest version and try again");
    }
    return ApiResponses.json(200, body.toString());
  }

  private static MockResponse patch(ApiRequest request, JsonNode current) {
    MockResponse rejected = rejectPatch(request);
    if (rejected != null) {
      return rejected;
    }
    JsonNode body = parse(request.body());
    try {
      JsonNode result =
          request.contentType().contains("json-patch")
              ? JsonPatch.apply(body, current)
              : MergePatch.apply(current, body);
      return ApiResponses.json(200, result.toString());
    } catch (RuntimeException e) {
      return ApiResponses.status(422, "Invalid", "the patch cannot be applied: " + e.getMessage());
    }
  }

  private static JsonNode parse(String json) {
    return Json.parse(json);
  }
}
