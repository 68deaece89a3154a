package lookout.bot.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how much any client may hold the HTTP server, whoever it is and whatever it sends.
 *
 * @param idleTimeout a connection with no bytes either way for this long is closed; also the most a
 *     kept-alive connection may wait between one response and the next complete request head
 * @param headerTimeout a new connection must have sent a complete request line and headers within
 *     this long, however slowly it trickles them in
 * @param bodyTimeout a request's body must be read completely within this long of its headers
 * @param maxConnections connections open at once; one more is closed as soon as it is accepted
 * @param perAddressRate requests per second one client address may make to the routes that need no
 *     credentials (readiness, metrics, knowledge search, an open console); twice that as a burst; 0
 *     turns the limit off
 * @param trustForwardedFor take the client address from the last {@code X-Forwarded-For} entry
 *     (what the ingress in front of Lookout saw), not from the TCP peer (the ingress itself)
 */
public record HttpLimits(
    Duration idleTimeout,
    Duration headerTimeout,
    Duration bodyTimeout,
    int maxConnections,
    int perAddressRate,
    boolean trustForwardedFor) {

  public HttpLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be at least 1");
    }
    if (perAddressRate < 0) {
      throw new IllegalArgumentException("perAddressRate must be 0 (off) or more");
    }
  }

  /** Idle 60 s (more than the console's 30 s long poll), headers 10 s, body 30 s, 1,000 open. */
  public static HttpLimits defaults() {
    return new HttpLimits(
        Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(30), 1_000, 20, false);
  }
}
