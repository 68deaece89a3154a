package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Label selectors matched the way the API server matches them, and printed the way kubectl does.
 */
public final class Labels {
  private Labels() {}

  /**
   * A Service-style selector (equality only). An empty or null selector matches nothing here: a
   * Service without a selector has its endpoints managed by hand, it does not select every pod.
   */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    return selector.entrySet().stream()
        .allMatch(e -> Objects.equals(have.get(e.getKey()), e.getValue()));
  }

  /**
   * A workload-style selector (matchLabels and matchExpressions). A null selector matches nothing;
   * an empty one matches everything, as the API says.
   */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    Map<String, String> match = selector.getMatchLabels();
    if (match != null
        && !match.entrySet().stream()
            .allMatch(e -> Objects.equals(have.get(e.getKey()), e.getValue()))) {
      return false;
    }
    List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
    return expressions == null || expressions.stream().allMatch(r -> holds(r, have));
  }

  private static boolean holds(LabelSelectorRequirement r, Map<String, String> labels) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String value = labels.get(r.getKey());
    return switch (Objects.requireNonNullElse(r.getOperator(), "")) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> false;
    };
  }

  /** {@code app=web,tier=frontend}, keys sorted, as kubectl prints a selector. */
  public static String text(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return "(none)";
    }
    return new TreeMap<>(labels)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
