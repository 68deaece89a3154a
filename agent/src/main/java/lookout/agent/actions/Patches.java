package lookout.agent.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The JSON merge patches the actions send; built as JSON objects, never by string concatenation.
 */
final class Patches {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Patches() {}

  /** {@code {"spec":{"template":{"metadata":{"annotations":{"kubectl…/restartedAt":"…"}}}}}}. */
  static String restartedAt(Instant at) {
    ObjectNode patch = JSON.createObjectNode();
    patch
        .putObject("spec")
        .putObject("template")
        .putObject("metadata")
        .putObject("annotations")
        .put(KubernetesActionExecutor.RESTARTED_AT, at.toString());
    return patch.toString();
  }

  /** {@code {"spec":{"replicas":n}}}. */
  static String replicas(int replicas) {
    ObjectNode patch = JSON.createObjectNode();
    patch.putObject("spec").put("replicas", replicas);
    return patch.toString();
  }
}
