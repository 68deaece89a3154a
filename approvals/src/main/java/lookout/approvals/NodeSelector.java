package lookout.approvals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An equality-based label selector as {@code kubectl -l} takes it: {@code role=worker}, {@code
 * pool!=gpu}, {@code spot} (the key exists), {@code !gpu} (it does not), joined by commas.
 */
public record NodeSelector(String text, List<Requirement> requirements) {
  /** Selects every node. */
  public static final NodeSelector ANY = new NodeSelector("", List.of());

  private static final Pattern KEY =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  /** One term: {@code key=value}, {@code key!=value}, {@code key} or {@code !key}. */
  public record Requirement(String key, String value, boolean equal, boolean existence) {
    boolean matches(Map<String, String> labels) {
      if (existence) {
        return labels.containsKey(key) == equal;
      }
      return value.equals(labels.get(key)) == equal;
    }
  }

  public NodeSelector {
    requirements = List.copyOf(requirements);
  }

  /**
   * @throws IllegalArgumentException naming the term that is not a selector
   */
  public static NodeSelector parse(String text) {
    List<Requirement> out = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String term = raw.trim();
      Requirement r;
      int ne = term.indexOf("!=");
      int eq = term.indexOf('=');
      if (ne > 0) {
        r = new Requirement(term.substring(0, ne), term.substring(ne + 2), false, false);
      } else if (eq > 0) {
        int skip = term.startsWith("==", eq) ? 2 : 1;
        r = new Requirement(term.substring(0, eq), term.substring(eq + skip), true, false);
      } else if (term.startsWith("!")) {
        r = new Requirement(term.substring(1), "", false, true);
      } else {
        r = new Requirement(term, "", true, true);
      }
      if (!KEY.matcher(r.key()).matches() || !VALUE.matcher(r.value()).matches()) {
        throw new IllegalArgumentException(
            "\""
                + term
                + "\" is not a label requirement — expected key=value, key!=value, key or !key");
      }
      out.add(r);
    }
    return new NodeSelector(text.trim(), out);
  }

  /** True when every requirement holds for {@code labels}. */
  public boolean matches(Map<String, String> labels) {
    return requirements.stream().allMatch(r -> r.matches(labels));
  }
}
