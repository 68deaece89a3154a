package lookout.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@link Operation}s' fields in {@link ActionCodec}'s JSON, field by field. */
final class OperationCodec {
  private OperationCodec() {}

  static void write(Operation operation, ObjectNode node) {
    node.put("name", operation.name());
    switch (operation) {
      case RollbackWorkload r -> {
        node.put("workloadKind", r.workloadKind());
        node.put("revision", r.revision());
      }
      case DeletePod d -> {}
      case NodeAction n -> {}
      case CronJobSuspension c -> {}
      case RerunJob r -> node.put("fromKind", r.fromKind());
      case CleanupEvicted c -> node.put("max", c.max());
    }
  }

  /** The operation of {@code kind}, or null when {@code kind} is not an operation's. */
  static Operation read(String kind, JsonNode node) {
    return switch (kind) {
      case RollbackWorkload.KIND ->
          new RollbackWorkload(
              cluster(node),
              namespace(node),
              ActionCodec.text(node, "workloadKind"),
              name(node),
              whole(node, "revision"));
      case DeletePod.KIND -> new DeletePod(cluster(node), namespace(node), name(node));
      case "cordon" -> new NodeAction(cluster(node), name(node), NodeAction.Op.CORDON);
      case "uncordon" -> new NodeAction(cluster(node), name(node), NodeAction.Op.UNCORDON);
      case "drain" -> new NodeAction(cluster(node), name(node), NodeAction.Op.DRAIN);
      case CronJobSuspension.SUSPEND ->
          new CronJobSuspension(cluster(node), namespace(node), name(node), true);
      case CronJobSuspension.RESUME ->
          new CronJobSuspension(cluster(node), namespace(node), name(node), false);
      case RerunJob.KIND ->
          new RerunJob(
              cluster(node), namespace(node), ActionCodec.text(node, "fromKind"), name(node));
      case CleanupEvicted.KIND ->
          new CleanupEvicted(cluster(node), namespace(node), (int) whole(node, "max"));
      default -> null;
    };
  }

  private static String cluster(JsonNode node) {
    return ActionCodec.text(node, "cluster");
  }

  private static String namespace(JsonNode node) {
    return ActionCodec.text(node, "namespace");
  }

  private static String name(JsonNode node) {
    return ActionCodec.text(node, "name");
  }

  private static long whole(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException("action." + field + " is missing or not a whole number");
    }
    return value.longValue();
  }
}
