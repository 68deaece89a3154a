package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Keeps the {@code creationTimestamp} a seeded object was created with. A real API server stamps
 * creation time itself; the sandbox pretends to have been running for days, so ages in answers read
 * like a real cluster's. Only the seed sends creation timestamps (Lookout creates only the Jobs of
 * a re-run, and sends none).
 */
final class SeededHistory {
  private final KubernetesCrudDispatcher crud;

  SeededHistory(KubernetesCrudDispatcher crud) {
    this.crud = crud;
  }

  MockResponse restore(ApiRequest request, String sentBody, MockResponse created) {
    if (created.code() != 201) {
      return created;
    }
    try {
      JsonNode sent = Json.MAPPER.readTree(sentBody);
      String wanted = sent.path("metadata").path("creationTimestamp").asText("");
      if (wanted.isEmpty()) {
        return created;
      }
      String body = new String(created.getBody().getBytes(), StandardCharsets.UTF_8);
      String name = Json.MAPPER.readTree(body).path("metadata").path("name").asText();
      Map.Entry<AttributeSet, String> entry =
          crud.findResource(crud.getKey(request.path() + "/" + name));
      if (entry == null) {
        return created;
      }
      ObjectNode object = (ObjectNode) Json.MAPPER.readTree(entry.getValue());
      ((ObjectNode) object.get("metadata")).put("creationTimestamp", wanted);
      crud.getMap().put(entry.getKey(), object.toString());
      return ApiResponses.json(201, object.toString());
    } catch (java.io.IOException | RuntimeException e) {
      return created;
    }
  }
}
