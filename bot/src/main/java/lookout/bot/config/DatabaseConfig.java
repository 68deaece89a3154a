package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Binds and checks {@code database.*}: SQLite by default, PostgreSQL for several replicas. */
final class DatabaseConfig {
  private DatabaseConfig() {}

  static LookoutConfig.Database bind(ConfigTree t, JsonNode root) {
    ObjectNode d =
        t.object(root, "database", "database", Set.of("url", "user", "password", "leaderLease"));
    Optional<String> url = t.string(d, "url", "database.url");
    Optional<String> user = t.string(d, "user", "database.user");
    Optional<String> password = t.string(d, "password", "database.password");
    boolean postgres = url.filter(u -> u.startsWith("jdbc:postgresql:")).isPresent();
    url.filter(u -> !u.startsWith("jdbc:sqlite:") && !u.startsWith("jdbc:postgresql:"))
        .ifPresent(
            u ->
                t.problem(
                    "database.url",
                    redact(u),
                    "a jdbc:sqlite:<file> or jdbc:postgresql://<host>[:<port>]/<database> URL"));
    url.filter(u -> u.equals("jdbc:sqlite:") || u.equals("jdbc:postgresql:"))
        .ifPresent(u -> t.problem("database.url", u, "a file (SQLite) or host and database name"));
    if (!postgres) {
      user.ifPresent(
          u -> t.problem("database.user", u, "no value: user is only for jdbc:postgresql: URLs"));
      password.ifPresent(
          p ->
              t.problem(
                  "database.password",
                  "***",
                  "no value: password is only for jdbc:postgresql: URLs"));
    }
    Duration lease = t.duration(d, "leaderLease", "database.leaderLease", Duration.ofSeconds(15));
    if (lease.compareTo(Duration.ofSeconds(2)) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
      t.problem("database.leaderLease", lease, "a duration between 2s and 5m");
    }
    return new LookoutConfig.Database(url, user, password, lease);
  }

  /** Never echo a password from a URL into an error message. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
