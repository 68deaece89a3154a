package lookout.bot.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which MCP client a bearer token belongs to. Tokens are compared as SHA-256 digests with {@link
 * MessageDigest#isEqual}, against every configured token, so neither the time taken nor an early
 * exit tells an attacker how much of a guess was right or which client it was close to.
 */
final class McpTokens {
  private final Map<String, byte[]> digests = new LinkedHashMap<>();

  McpTokens(Map<String, String> tokens) {
    tokens.forEach((name, token) -> digests.put(name, sha256(token)));
  }

  /** The client name for an {@code Authorization: Bearer …} header, or empty. */
  Optional<String> client(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    byte[] given = sha256(authorization.substring(7).strip());
    String found = null;
    for (Map.Entry<String, byte[]> e : digests.entrySet()) {
      if (MessageDigest.isEqual(given, e.getValue()) && found == null) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
