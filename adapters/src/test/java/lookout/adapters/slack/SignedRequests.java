package lookout.adapters.slack;

import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends Events API and interactivity requests to a Lookout as Slack would, signed by the SDK's own
 * {@link SlackSignature.Generator}, plus the JSON bodies of the events the tests need.
 */
public final class SignedRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final SlackSignature.Generator generator;

  public SignedRequests(int port, String signingSecret) {
    this.base = "http://127.0.0.1:" + port;
    this.generator = new SlackSignature.Generator(signingSecret);
  }

  public HttpResponse<String> event(String json) throws Exception {
    return send("/slack/events", json, "application/json", Instant.now(), null);
  }

  public HttpResponse<String> retry(String json, int retryNum) throws Exception {
    return send("/slack/events", json, "application/json", Instant.now(), retryNum);
  }

  public HttpResponse<String> click(String payloadJson) throws Exception {
    String form = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    return send("/slack/actions", form, "application/x-www-form-urlencoded", Instant.now(), null);
  }

  public HttpResponse<String> send(
      String path, String body, String type, Instant at, Integer retryNum) throws Exception {
    String timestamp = String.valueOf(at.getEpochSecond());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", type)
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", generator.generate(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (retryNum != null) {
      request.header("X-Slack-Retry-Num", retryNum.toString());
      request.header("X-Slack-Retry-Reason", "http_timeout");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An {@code app_mention} event callback as Slack sends it. */
  public static String mention(
      String eventId, String user, String channel, String ts, String threadTs, String text) {
    return "{\"type\":\"event_callback\",\"team_id\":\"T1\",\"api_app_id\":\"A1\","
        + "\"event_id\":\""
        + eventId
        + "\",\"event_time\":1700000000,"
        + "\"authorizations\":[{\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"is_bot\":true}],"
        + "\"event\":{\"type\":\"app_mention\",\"user\":\""
        + user
        + "\",\"channel\":\""
        + channel
        + "\",\"ts\":\""
        + ts
        + "\","
        + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
        + "\"text\":\""
        + text.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"event_ts\":\""
        + ts
        + "\"}}";
  }

  /** A {@code block_actions} payload for a press on a button with {@code value}. */
  public static String buttonPress(
      String user, String channel, String messageTs, String threadTs, String value) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + user
        + "\",\"username\":\"someone\"},\"api_app_id\":\"A1\",\"trigger_id\":\"1.2.3\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\""
        + messageTs
        + "\",\"channel_id\":\""
        + channel
        + "\",\"is_ephemeral\":false},\"channel\":{\"id\":\""
        + channel
        + "\"},\"message\":{\"type\":\"message\",\"ts\":\""
        + messageTs
        + "\""
        + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
        + "},\"response_url\":\"https://hooks.slack.invalid/x\","
        + "\"actions\":[{\"type\":\"button\",\"action_id\":\"lookout-0\",\"block_id\":\"b\","
        + "\"value\":\""
        + value
        + "\",\"action_ts\":\"1700000001.000\"}]}";
  }
}
