package lookout.adapters.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the optional console access token. Both sides are hashed before the constant-time compare,
 * so neither the content nor the length of the secret leaks through timing.
 */
final class AccessGuard {
  private final byte[] expected;

  /** {@code token} null or empty means the console is open. */
  AccessGuard(String token) {
    this.expected = token == null || token.isEmpty() ? null : digest(token);
  }

  boolean open() {
    return expected == null;
  }

  boolean allows(String presented) {
    if (expected == null) {
      return true;
    }
    return presented != null && MessageDigest.isEqual(expected, digest(presented));
  }

  /** The token in an {@code Authorization: Bearer <t>} header, or null. */
  static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
