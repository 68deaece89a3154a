package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;

/**
 * One WeCom HTTP call and what its answer means. WeCom answers HTTP 200 with {@code errcode}:
 * {@code 0} is success; {@code -1} (system busy) and {@code 45009}/{@code 45033} (frequency limits)
 * are worth retrying later; {@code 40014}/{@code 42001}/{@code 40001} say the access token is
 * invalid or expired ({@link TokenExpired}, so the caller refreshes it); anything else is a
 * refusal. HTTP 5xx and network failures are retryable too. URLs (which carry the token or the
 * robot key) are never put into messages.
 */
final class WecomHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient client;

  WecomHttp(HttpClient client) {
    this.client = client;
  }

  /** The access token was refused; fetch a new one and try once more. */
  static final class TokenExpired extends ChatRetryLater {
    private static final long serialVersionUID = 1L;

    TokenExpired(String message) {
      super(message, Duration.ZERO, null);
    }
  }

  JsonNode get(String doing, URI uri) {
    return send(doing, HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
  }

  JsonNode post(String doing, URI uri, JsonNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return send(doing, request);
  }

  private JsonNode send(String doing, HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ChatRetryLater(
          doing + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), null, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatRetryLater(doing + ": interrupted", null, e);
    }
    int status = response.statusCode();
    if (status == 429 || status >= 500) {
      throw new ChatRetryLater(doing + ": WeCom answered HTTP " + status, null, null);
    }
    if (status != 200) {
      throw new ChatException(doing + ": WeCom answered HTTP " + status);
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ChatRetryLater(doing + ": WeCom answered with unreadable JSON", null, e);
    }
    if (body == null || !body.isObject()) {
      throw new ChatRetryLater(doing + ": WeCom answered with no JSON object", null, null);
    }
    check(doing, body);
    return body;
  }

  static void check(String doing, JsonNode body) {
    int code = body.path("errcode").asInt(0);
    if (code == 0) {
      return;
    }
    String said = doing + ": WeCom errcode " + code + " (" + body.path("errmsg").asText("") + ")";
    switch (code) {
      case 40014, 42001, 40001 -> throw new TokenExpired(said);
      case 45009, 45033 -> throw new ChatRetryLater(said, Duration.ofSeconds(60), null);
      case -1 -> throw new ChatRetryLater(said, Duration.ofSeconds(2), null);
      default -> throw new ChatException(said);
    }
  }
}
