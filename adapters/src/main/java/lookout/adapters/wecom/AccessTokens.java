package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import lookout.adapters.chat.ChatException;

/**
 * The self-built app's access token ({@code gettoken} with CorpID and secret): fetched when first
 * needed, reused until five minutes before it expires, and fetched again at once when WeCom says it
 * is invalid or expired (40014, 42001, 40001) — each call is retried once with a fresh token. One
 * fetch at a time, so a burst of sends after expiry costs one {@code gettoken}.
 */
final class AccessTokens {
  private static final Duration EARLY = Duration.ofMinutes(5);

  private final WecomHttp http;
  private final URI base;
  private final String corpId;
  private final String secret;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;
  private int fetches;

  AccessTokens(WecomHttp http, URI base, String corpId, String secret, Clock clock) {
    this.http = http;
    this.base = base;
    this.corpId = corpId;
    this.secret = secret;
    this.clock = clock;
  }

  /** Runs {@code call} with a token, refreshing it and retrying once if WeCom refuses it. */
  <T> T withToken(Function<String, T> call) {
    String used = current();
    try {
      return call.apply(used);
    } catch (WecomHttp.TokenExpired e) {
      invalidate(used);
      return call.apply(current());
    }
  }

  synchronized String current() {
    if (token == null || !clock.instant().isBefore(expires)) {
      String doing = "while fetching a WeCom access token for corp " + corpId;
      JsonNode answer;
      try {
        answer =
            http.get(
                doing,
                base.resolve(
                    "cgi-bin/gettoken?corpid=" + enc(corpId) + "&corpsecret=" + enc(secret)));
      } catch (WecomHttp.TokenExpired e) {
        // From gettoken these codes mean the secret itself is wrong: retrying will not help.
        throw new ChatException(e.getMessage() + " — check wecom.app.secret", e);
      }
      String fresh = answer.path("access_token").asText("");
      if (fresh.isEmpty()) {
        throw new ChatException(
            "while fetching a WeCom access token: no access_token in the answer");
      }
      long life = answer.path("expires_in").asLong(7200);
      token = fresh;
      expires = clock.instant().plusSeconds(life).minus(EARLY);
      fetches++;
    }
    return token;
  }

  /** Forgets {@code used} if it is still the current token (another thread may have refreshed). */
  synchronized void invalidate(String used) {
    if (used.equals(token)) {
      token = null;
    }
  }

  synchronized int fetches() {
    return fetches;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
