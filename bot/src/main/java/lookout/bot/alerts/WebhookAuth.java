package lookout.bot.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks the {@code Authorization} header Alertmanager's {@code http_config} sends: {@code Bearer
 * <token>} ({@code authorization.credentials}) or {@code Basic} ({@code basic_auth}). Comparisons
 * take constant time. Without any configured credential only a loopback server accepts alerts (the
 * sandbox), which {@link #open} says.
 */
public final class WebhookAuth {
  private final Optional<String> token;
  private final Optional<String> user;
  private final Optional<String> password;
  private final boolean open;

  /**
   * @param open accept requests without credentials (only when none are configured and the server
   *     listens on loopback)
   */
  public WebhookAuth(
      Optional<String> token, Optional<String> user, Optional<String> password, boolean open) {
    this.token = token;
    this.user = user;
    this.password = password;
    this.open = open && token.isEmpty() && user.isEmpty();
  }

  public boolean open() {
    return open;
  }

  /** Empty when the header is acceptable, else why not (never echoing what was sent). */
  public Optional<String> problem(String header) {
    if (open) {
      return Optional.empty();
    }
    if (token.isEmpty() && user.isEmpty()) {
      return Optional.of(
          "alerts.token (or alerts.basicAuth) is not configured, and this server is not on"
              + " loopback: Lookout refuses unauthenticated alerts");
    }
    if (header == null || header.isBlank()) {
      return Optional.of("missing Authorization header (Bearer token or Basic auth)");
    }
    if (header.regionMatches(true, 0, "Bearer ", 0, 7) && token.isPresent()) {
      return same(header.substring(7).strip(), token.get())
          ? Optional.empty()
          : Optional.of("wrong bearer token");
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6) && user.isPresent()) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.of("Basic credentials are not valid base64");
      }
      int colon = decoded.indexOf(':');
      boolean ok =
          colon > 0
              & same(decoded.substring(0, Math.max(colon, 0)), user.get())
              & same(decoded.substring(colon + 1), password.orElse(""));
      return ok ? Optional.empty() : Optional.of("wrong username or password");
    }
    return Optional.of(
        "unsupported Authorization scheme; expected "
            + (token.isPresent() ? "Bearer" : "")
            + (token.isPresent() && user.isPresent() ? " or " : "")
            + (user.isPresent() ? "Basic" : ""));
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
