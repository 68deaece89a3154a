package lookout.adapters.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's v0 request signature: {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" +
 * raw body))}, with the timestamp at most five minutes away from now in either direction (stale
 * requests are replays; far-future ones are forged). The comparison takes constant time.
 * Thread-safe.
 */
public final class SlackRequestVerifier {
  public static final Duration WINDOW = Duration.ofMinutes(5);
  private static final String VERSION = "v0";

  private final SecretKeySpec key;
  private final Clock clock;

  public SlackRequestVerifier(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("the Slack signing secret is empty");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * Empty when the request is authentic and fresh, otherwise why it is not (safe to log: it never
   * contains the secret or the expected signature).
   */
  public Optional<String> problem(String timestamp, String signature, byte[] rawBody) {
    if (timestamp == null || signature == null) {
      return Optional.of("X-Slack-Request-Timestamp or X-Slack-Signature header missing");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("X-Slack-Request-Timestamp is not a number of seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > WINDOW.toSeconds()) {
      return Optional.of("X-Slack-Request-Timestamp is " + skew + " s away from now (limit 300 s)");
    }
    byte[] expected = sign(timestamp.strip(), rawBody).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = signature.strip().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Optional.of("X-Slack-Signature does not match the body");
    }
    return Optional.empty();
  }

  /** The signature Slack would send for this timestamp and body (also used by tests). */
  public String sign(String timestamp, byte[] rawBody) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
