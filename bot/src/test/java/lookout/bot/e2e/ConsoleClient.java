package lookout.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import lookout.testing.Eventually;

/** Drives Lookout through its console JSON API, the way other tools would. */
final class ConsoleClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ConsoleClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Response(int status, JsonNode body) {}

  /** Posts as {@code user}; returns the new message's id (the thread of the answer). */
  String say(String user, String text) throws Exception {
    Response r =
        post("/api/console/messages", JSON.writeValueAsString(Map.of("user", user, "text", text)));
    if (r.status() != 202) {
      throw new AssertionError("post failed: " + r);
    }
    return r.body().get("thread").asText();
  }

  /** Posts as {@code user} in a thread of {@code channel}; returns the new message's id. */
  String reply(String user, String channel, String thread, String text) throws Exception {
    Response r =
        post(
            "/api/console/messages",
            JSON.writeValueAsString(
                Map.of("user", user, "text", text, "channel", channel, "thread", thread)));
    if (r.status() != 202) {
      throw new AssertionError("post failed: " + r);
    }
    return r.body().get("messageId").asText();
  }

  Response click(String user, String messageId, String token) throws Exception {
    return post(
        "/api/console/clicks",
        JSON.writeValueAsString(Map.of("user", user, "messageId", messageId, "token", token)));
  }

  Response post(String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()));
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<JsonNode> messages() throws Exception {
    return messages("lobby");
  }

  List<JsonNode> messages(String channel) throws Exception {
    JsonNode body =
        JSON.readTree(get("/api/console/messages?channel=" + channel + "&since=0").body());
    List<JsonNode> out = new ArrayList<>();
    body.get("messages").forEach(out::add);
    return out;
  }

  /** Bot messages in {@code thread}, polled until one matches or 20 s pass. */
  JsonNode awaitBot(String thread, Predicate<JsonNode> match) throws Exception {
    return awaitBot("lobby", thread, match);
  }

  /** Bot messages in {@code thread} of {@code channel}, polled until one matches or 20 s pass. */
  JsonNode awaitBot(String channel, String thread, Predicate<JsonNode> match) throws Exception {
    try {
      return Eventually.value(
          "a bot message in thread " + thread,
          Duration.ofSeconds(20),
          Duration.ofMillis(100),
          () ->
              messages(channel).stream()
                  .filter(m -> "bot".equals(m.path("author").path("kind").asText()))
                  .filter(m -> thread.equals(m.path("thread").asText()))
                  .filter(match)
                  .findFirst()
                  .orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError(
          "no bot message in thread " + thread + " matched; messages: " + messages(channel));
    }
  }

  static String summary(JsonNode message) {
    return message.path("summary").asText();
  }

  /** Every text in the message (summary and parts), for containment checks. */
  static String text(JsonNode message) {
    return message.toString();
  }

  static String button(JsonNode message, String label) {
    for (JsonNode part : message.path("parts")) {
      for (JsonNode b : part.path("buttons")) {
        if (b.path("label").asText().equals(label)) {
          return b.path("token").asText();
        }
      }
    }
    throw new AssertionError("no button " + label + " on " + message);
  }
}
