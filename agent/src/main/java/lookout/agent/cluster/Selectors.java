package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * Label selectors evaluated here, the way the API server evaluates them, so pods can be picked out
 * of the pod cache instead of listed again: {@code matchLabels} and the {@code In}, {@code NotIn},
 * {@code Exists} and {@code DoesNotExist} expressions.
 */
public final class Selectors {
  private Selectors() {}

  /**
   * True when {@code labels} satisfy {@code selector}. A null selector selects nothing (as a
   * workload without one); an empty selector selects everything.
   */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(have.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        if (!matches(r, have)) {
          return false;
        }
      }
    }
    return true;
  }

  /** A Service's selector (plain map): an empty or missing one selects no pods. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  public static boolean selects(LabelSelector selector, Pod pod) {
    return matches(selector, pod.getMetadata() == null ? null : pod.getMetadata().getLabels());
  }

  /** {@code app=web,tier in (a,b)}: the selector as kubectl prints it. */
  public static String text(LabelSelector selector) {
    if (selector == null) {
      return "<none>";
    }
    StringBuilder sb = new StringBuilder();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  sb.append(sb.isEmpty() ? "" : ",")
                      .append(e.getKey())
                      .append('=')
                      .append(e.getValue()));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
        sb.append(sb.isEmpty() ? "" : ",").append(r.getKey()).append(' ').append(r.getOperator());
        List<String> values = r.getValues();
        if (values != null && !values.isEmpty()) {
          sb.append(" (").append(String.join(",", values)).append(')');
        }
      }
    }
    return sb.isEmpty() ? "<everything>" : sb.toString();
  }

  private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
    List<String> values = r.getValues() == null ? List.of() : r.getValues();
    String value = labels.get(r.getKey());
    return switch (r.getOperator() == null ? "" : r.getOperator()) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> labels.containsKey(r.getKey());
      case "DoesNotExist" -> !labels.containsKey(r.getKey());
      default -> false; // an operator we do not know: select nothing rather than everything
    };
  }
}
