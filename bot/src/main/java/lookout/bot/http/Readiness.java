package lookout.bot.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Named readiness checks (cluster, database, knowledge). Ready only when every check passes; a
 * check that throws counts as down.
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  public Readiness add(String name, BooleanSupplier check) {
    checks.put(name, check);
    return this;
  }

  /** Runs every check (blocking) and returns name → up. */
  public Map<String, Boolean> run() {
    Map<String, Boolean> results = new LinkedHashMap<>();
    checks.forEach(
        (name, check) -> {
          boolean up;
          try {
            up = check.getAsBoolean();
          } catch (RuntimeException e) {
            up = false;
          }
          results.put(name, up);
        });
    return results;
  }
}
