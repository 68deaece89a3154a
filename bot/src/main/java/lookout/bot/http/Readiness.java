package lookout.bot.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Named readiness checks (database, knowledge, each cluster). Ready when every check passes and at
 * least one member of each group does: one of several clusters being down must not take Lookout out
 * of service for questions about the others, yet {@code /readyz} names it. A check that throws
 * counts as down.
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
  private final Map<String, Supplier<Map<String, Boolean>>> groups = new LinkedHashMap<>();

  public Readiness add(String name, BooleanSupplier check) {
    checks.put(name, check);
    return this;
  }

  /**
   * A group of checks run together (e.g. every cluster, probed in parallel), each reported as
   * {@code "<prefix> <member>"}; the group, reported as {@code "<prefix>"}, is up when any member
   * is.
   */
  public Readiness addGroup(String prefix, Supplier<Map<String, Boolean>> members) {
    groups.put(prefix, members);
    return this;
  }

  /** Runs every check (blocking) and returns name → up. */
  public Map<String, Boolean> run() {
    Map<String, Boolean> results = new LinkedHashMap<>();
    checks.forEach((name, check) -> results.put(name, up(check)));
    groups.forEach(
        (prefix, members) -> {
          Map<String, Boolean> each;
          try {
            each = members.get();
          } catch (RuntimeException e) {
            each = Map.of();
          }
          results.put(prefix, each.containsValue(true));
          each.forEach((member, up) -> results.put(prefix + " " + member, up));
        });
    return results;
  }

  /** Whether {@code results} of {@link #run} mean ready: every check and every group up. */
  public boolean ready(Map<String, Boolean> results) {
    return results.entrySet().stream()
        .filter(e -> checks.containsKey(e.getKey()) || groups.containsKey(e.getKey()))
        .allMatch(Map.Entry::getValue);
  }

  private static boolean up(BooleanSupplier check) {
    try {
      return check.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
