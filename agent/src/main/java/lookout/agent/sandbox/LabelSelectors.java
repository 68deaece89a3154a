package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code metav1.LabelSelector} matching ({@code matchLabels} and {@code matchExpressions} with In,
 * NotIn, Exists, DoesNotExist). In policy/v1 an empty selector selects every pod.
 */
final class LabelSelectors {
  private LabelSelectors() {}

  static boolean matches(JsonNode selector, JsonNode labels) {
    for (var field : selector.path("matchLabels").properties()) {
      if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
        return false;
      }
    }
    for (JsonNode expression : selector.path("matchExpressions")) {
      String key = expression.path("key").asText();
      Set<String> values = new HashSet<>();
      expression.path("values").forEach(v -> values.add(v.asText()));
      boolean has = labels.has(key);
      String value = labels.path(key).asText(null);
      boolean ok =
          switch (expression.path("operator").asText()) {
            case "In" -> has && values.contains(value);
            case "NotIn" -> !has || !values.contains(value);
            case "Exists" -> has;
            case "DoesNotExist" -> !has;
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
