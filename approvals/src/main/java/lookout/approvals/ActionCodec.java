package lookout.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * {@link Action} ↔ compact JSON, for the database and for proposal tokens. Field by field on
 * purpose: no polymorphic deserialization of anything that came over the wire, even signed.
 */
final class ActionCodec {
  /**
   * The fixed action kinds, which a rule without {@code actions} covers; keep in step with {@link
   * Action}'s permitted records. MCP tool calls ({@code mcp:<server>/<tool>}) are covered only by
   * rules that name them.
   */
  static final Set<String> KINDS = PolicyLoader.orderedSet("restart", "scale", AlertSilence.KIND);

  /** The prefix of MCP tool call kinds. */
  static final String MCP = "mcp:";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ActionCodec() {}

  static String toJson(Action action) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", action.kind());
    node.put("cluster", action.cluster());
    node.put("namespace", action.namespace());
    switch (action) {
      case RestartDeployment r -> node.put("name", r.name());
      case ScaleWorkload s -> {
        node.put("workloadKind", s.workloadKind());
        node.put("name", s.name());
        node.put("replicas", s.replicas());
      }
      case SilenceAlerts s -> SilenceCodec.write(s, node);
      case ExpireSilence e -> SilenceCodec.write(e, node);
      case Operation o -> OperationCodec.write(o, node);
      case McpToolCall m -> {
        node.put("kind", "mcp");
        node.put("name", m.name());
        node.put("server", m.server());
        node.put("tool", m.tool());
        node.put("arguments", m.arguments());
      }
    }
    return node.toString();
  }

  /**
   * @throws IllegalArgumentException naming what is wrong with the JSON
   */
  static Action fromJson(String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("action is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("action is not a JSON object");
    }
    String kind = text(node, "kind");
    Operation operation = OperationCodec.read(kind, node);
    if (operation != null) {
      return operation;
    }
    return switch (kind) {
      case "restart" ->
          new RestartDeployment(text(node, "cluster"), text(node, "namespace"), text(node, "name"));
      case "scale" -> {
        String workloadKind = text(node, "workloadKind");
        if (!workloadKind.equals("Deployment") && !workloadKind.equals("StatefulSet")) {
          throw new IllegalArgumentException(
              "action.workloadKind \"" + workloadKind + "\" — expected Deployment or StatefulSet");
        }
        JsonNode replicas = node.get("replicas");
        if (replicas == null || !replicas.canConvertToInt() || !replicas.isIntegralNumber()) {
          throw new IllegalArgumentException("action.replicas is missing or not a whole number");
        }
        yield new ScaleWorkload(
            text(node, "cluster"),
            text(node, "namespace"),
            workloadKind,
            text(node, "name"),
            replicas.intValue());
      }
      case SilenceCodec.SILENCE -> SilenceCodec.readSilence(node);
      case SilenceCodec.UNSILENCE -> SilenceCodec.readUnsilence(node);
      case "mcp" ->
          new McpToolCall(
              text(node, "cluster"),
              text(node, "namespace"),
              text(node, "name"),
              text(node, "server"),
              text(node, "tool"),
              text(node, "arguments"));
      default ->
          throw new IllegalArgumentException(
              "action.kind \""
                  + kind
                  + "\" — expected one of "
                  + String.join(", ", KINDS)
                  + ", "
                  + String.join(", ", Operation.NAMESPACED_KINDS)
                  + ", "
                  + String.join(", ", Operation.NODE_KINDS)
                  + ", unsilence, mcp");
    };
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw new IllegalArgumentException("action." + field + " is missing or not text");
    }
    return value.textValue();
  }
}
