package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;

/**
 * Serves list requests that carry a {@code fieldSelector}: asks the CRUD store without it and
 * filters the items, the way the API server would have selected them.
 */
final class FieldSelectorLists {
  private final KubernetesCrudDispatcher crud;

  FieldSelectorLists(KubernetesCrudDispatcher crud) {
    this.crud = crud;
  }

  static boolean applies(ApiRequest request) {
    return request.is("GET") && request.param("fieldSelector") != null && !request.isWatch();
  }

  MockResponse list(ApiRequest request) {
    ResourcePath path = ResourcePath.parse(request.path()).orElse(null);
    if (path == null || path.name() != null) {
      return crud.dispatch(request.raw());
    }
    FieldSelector selector;
    try {
      selector = FieldSelector.parse(request.param("fieldSelector"), path.plural());
    } catch (IllegalArgumentException e) {
      return ApiResponses.badRequest(e.getMessage());
    }
    MockResponse all = crud.handleGet(request.pathWithout("fieldSelector"));
    if (all.code() != 200) {
      return all;
    }
    JsonNode list = Json.parse(new String(all.getBody().getBytes(), StandardCharsets.UTF_8));
    if (!(list instanceof ObjectNode listObject) || !list.path("items").isArray()) {
      return all;
    }
    ArrayNode items = (ArrayNode) list.path("items");
    ArrayNode kept = listObject.putArray("items");
    for (JsonNode item : items) {
      if (selector.matches(item)) {
        kept.add(item);
      }
    }
    return ApiResponses.json(200, listObject.toString());
  }
}
