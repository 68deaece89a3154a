package lookout.bot.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes a group's labels to destinations. Rules are tried in order; a matching drop rule drops the
 * group; a matching rule adds its destinations and stops unless it says {@code continue}; when no
 * rule matched, the default destinations get it.
 */
public final class AlertRouter {
  /** One rule: all matchers must match. */
  public record Rule(
      List<LabelMatcher> matchers, List<Destination> to, boolean drop, boolean continueMatching) {
    public Rule {
      matchers = List.copyOf(matchers);
      to = List.copyOf(to);
    }

    boolean matches(Map<String, String> labels) {
      return matchers.stream().allMatch(m -> m.matches(labels));
    }
  }

  /** The outcome: where the group goes, or that a drop rule took it (empty destinations). */
  public record Route(List<Destination> destinations, boolean dropped) {}

  private final List<Rule> rules;
  private final List<Destination> defaults;

  public AlertRouter(List<Rule> rules, List<Destination> defaults) {
    this.rules = List.copyOf(rules);
    this.defaults = List.copyOf(defaults);
  }

  public Route route(Map<String, String> labels) {
    Set<Destination> out = new LinkedHashSet<>();
    boolean matched = false;
    for (Rule rule : rules) {
      if (!rule.matches(labels)) {
        continue;
      }
      if (rule.drop()) {
        return new Route(List.of(), true);
      }
      matched = true;
      out.addAll(rule.to());
      if (!rule.continueMatching()) {
        break;
      }
    }
    if (!matched) {
      out.addAll(defaults);
    }
    return new Route(new ArrayList<>(out), false);
  }

  /** Every destination any rule or the default names (checked against the adapters at start). */
  public Set<Destination> all() {
    Set<Destination> all = new LinkedHashSet<>(defaults);
    rules.forEach(r -> all.addAll(r.to()));
    return all;
  }
}
