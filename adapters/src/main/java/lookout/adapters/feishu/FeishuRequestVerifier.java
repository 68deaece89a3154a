package lookout.adapters.feishu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks a Feishu request before its body is trusted: {@code X-Lark-Request-Timestamp} within five
 * minutes of now (older ones are replays, far-future ones forged) and {@code X-Lark-Signature}
 * matching the raw body (constant-time comparison). The verification token inside the decrypted
 * body is checked with {@link #tokenMatches}. Thread-safe; messages never contain secrets.
 */
public final class FeishuRequestVerifier {
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private final FeishuCrypto crypto;
  private final byte[] verificationToken;
  private final Clock clock;

  public FeishuRequestVerifier(FeishuCrypto crypto, String verificationToken, Clock clock) {
    if (verificationToken == null || verificationToken.isBlank()) {
      throw new IllegalArgumentException("the Feishu verification token is empty");
    }
    this.crypto = crypto;
    this.verificationToken = verificationToken.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  /** Empty when the request is authentic and fresh, otherwise why not (safe to log). */
  public Optional<String> problem(
      String timestamp, String nonce, String signature, byte[] rawBody) {
    if (timestamp == null || nonce == null || signature == null) {
      return Optional.of(
          "X-Lark-Request-Timestamp, X-Lark-Request-Nonce or X-Lark-Signature header missing");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("X-Lark-Request-Timestamp is not a number of seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
    if (skew > WINDOW.toSeconds()) {
      return Optional.of("X-Lark-Request-Timestamp is " + skew + " s away from now (limit 300 s)");
    }
    byte[] expected = crypto.sign(timestamp, nonce, rawBody).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = signature.strip().getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, presented)) {
      return Optional.of("X-Lark-Signature does not match the body");
    }
    return Optional.empty();
  }

  /** Whether the token a decrypted body carries is this app's verification token. */
  public boolean tokenMatches(String token) {
    return token != null
        && MessageDigest.isEqual(verificationToken, token.getBytes(StandardCharsets.UTF_8));
  }

  public FeishuCrypto crypto() {
    return crypto;
  }
}
