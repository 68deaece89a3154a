package lookout.agent.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code objects:} and {@code logs:} blocks of a scenario file. */
final class ScenarioObjects {
  private ScenarioObjects() {}

  static List<HasMetadata> objects(JsonNode list, String where, KubernetesSerialization kube) {
    List<HasMetadata> out = new ArrayList<>();
    int i = 0;
    for (JsonNode node : list) {
      String at = where + " objects[" + i++ + "]";
      for (String field : List.of("apiVersion", "kind")) {
        ScenarioLoader.text(node, field, at);
      }
      ScenarioLoader.text(node.path("metadata"), "name", at + " metadata");
      Object parsed;
      try {
        parsed = kube.unmarshal(node.toString());
      } catch (RuntimeException e) {
        throw new ScenarioException(
            at + ": not a valid " + node.path("kind").asText() + ": " + e.getMessage(), e);
      }
      if (!(parsed instanceof HasMetadata object)) {
        throw new ScenarioException(at + ": not a Kubernetes object");
      }
      out.add(object);
    }
    return out;
  }

  static Map<String, String> logs(JsonNode list, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    for (JsonNode node : list) {
      String at = where + " logs[" + i++ + "]";
      ScenarioLoader.checkKeys(
          node, Set.of("namespace", "pod", "container", "current", "previous"), at);
      String key =
          ScenarioLoader.text(node, "namespace", at)
              + "/"
              + ScenarioLoader.text(node, "pod", at)
              + "/"
              + ScenarioLoader.text(node, "container", at);
      if (node.has("current")) {
        out.put(key, node.get("current").asText());
      }
      if (node.has("previous")) {
        out.put(key + "#previous", node.get("previous").asText());
      }
    }
    return out;
  }
}
