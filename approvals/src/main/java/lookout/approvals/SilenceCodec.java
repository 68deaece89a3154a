package lookout.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The silence actions' fields in {@link ActionCodec}'s JSON. Both are policy kind {@code silence};
 * in the JSON an expiry is written {@code unsilence} so the two read back apart.
 */
final class SilenceCodec {
  static final String SILENCE = "silence";
  static final String UNSILENCE = "unsilence";

  private SilenceCodec() {}

  static void write(SilenceAlerts s, ObjectNode node) {
    node.put("name", s.name());
    ArrayNode matchers = node.putArray("matchers");
    for (SilenceMatcher m : s.matchers()) {
      matchers
          .addObject()
          .put("name", m.name())
          .put("value", m.value())
          .put("isRegex", m.regex())
          .put("isEqual", m.equal());
    }
    node.put("seconds", s.duration().getSeconds());
    node.put("createdBy", s.createdBy());
    node.put("comment", s.comment());
  }

  static void write(ExpireSilence e, ObjectNode node) {
    node.put("kind", UNSILENCE);
    node.put("name", e.name());
    node.put("silenceId", e.silenceId());
  }

  static SilenceAlerts readSilence(JsonNode node) {
    JsonNode list = node.get("matchers");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("action.matchers is missing or empty");
    }
    List<SilenceMatcher> matchers = new ArrayList<>();
    for (JsonNode m : list) {
      JsonNode value = m.get("value");
      if (value == null || !value.isTextual()) {
        throw new IllegalArgumentException("action.matchers[].value is missing or not text");
      }
      matchers.add(
          new SilenceMatcher(
              ActionCodec.text(m, "name"),
              value.textValue(),
              m.path("isRegex").asBoolean(false),
              m.path("isEqual").asBoolean(true)));
    }
    JsonNode seconds = node.get("seconds");
    if (seconds == null || !seconds.isIntegralNumber() || seconds.asLong() <= 0) {
      throw new IllegalArgumentException("action.seconds is missing or not a positive number");
    }
    JsonNode comment = node.get("comment");
    return new SilenceAlerts(
        ActionCodec.text(node, "cluster"),
        namespace(node),
        ActionCodec.text(node, "name"),
        matchers,
        Duration.ofSeconds(seconds.asLong()),
        ActionCodec.text(node, "createdBy"),
        comment == null ? "" : comment.asText(""));
  }

  static ExpireSilence readUnsilence(JsonNode node) {
    return new ExpireSilence(
        ActionCodec.text(node, "cluster"),
        namespace(node),
        ActionCodec.text(node, "name"),
        ActionCodec.text(node, "silenceId"));
  }

  /** Cluster-wide alerts have no namespace: "" is allowed here, unlike for workloads. */
  private static String namespace(JsonNode node) {
    JsonNode ns = node.get("namespace");
    if (ns == null || !ns.isTextual()) {
      throw new IllegalArgumentException("action.namespace is missing or not text");
    }
    return ns.textValue();
  }
}
