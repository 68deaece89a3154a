package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Set;
import lookout.bot.http.HttpLimits;

/** Binds and checks {@code server.*}: where to listen and how much any client may hold. */
final class ServerConfig {
  static final Set<String> KEYS =
      Set.of(
          "host",
          "port",
          "idleTimeout",
          "headerTimeout",
          "bodyTimeout",
          "maxConnections",
          "perAddressRate",
          "trustForwardedFor");

  private ServerConfig() {}

  static LookoutConfig.Server bind(ConfigTree t, JsonNode root) {
    ObjectNode s = t.object(root, "server", "server", KEYS);
    HttpLimits d = HttpLimits.defaults();
    Duration idle = within(t, s, "idleTimeout", d.idleTimeout(), Duration.ofMinutes(10));
    Duration header = within(t, s, "headerTimeout", d.headerTimeout(), Duration.ofMinutes(2));
    Duration body = within(t, s, "bodyTimeout", d.bodyTimeout(), Duration.ofMinutes(10));
    if (idle.compareTo(Duration.ofSeconds(35)) < 0) {
      // The console's long poll waits up to 30 s without a byte; a shorter idle timeout cuts it.
      t.problem("server.idleTimeout", idle, "at least 35s (the console's long poll waits 30s)");
    }
    HttpLimits limits =
        new HttpLimits(
            idle,
            header,
            body,
            t.integer(s, "maxConnections", "server.maxConnections", d.maxConnections(), 1, 100_000),
            t.integer(s, "perAddressRate", "server.perAddressRate", d.perAddressRate(), 0, 100_000),
            t.bool(s, "trustForwardedFor", "server.trustForwardedFor", d.trustForwardedFor()));
    return new LookoutConfig.Server(
        t.string(s, "host", "server.host").orElse("127.0.0.1"),
        t.integer(s, "port", "server.port", 8080, 0, 65535),
        limits);
  }

  private static Duration within(
      ConfigTree t, ObjectNode s, String field, Duration fallback, Duration max) {
    String key = "server." + field;
    Duration value = t.duration(s, field, key, fallback);
    if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(max) > 0) {
      t.problem(key, value, "a duration from 1s to " + max.toMinutes() + "m");
      return fallback;
    }
    return value;
  }
}
