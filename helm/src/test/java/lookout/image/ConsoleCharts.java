package lookout.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import lookout.testing.Eventually;

/**
 * Asks a running Lookout a question through its console JSON API and returns the pictures of the
 * answer, as a user of the console page would see them.
 */
final class ConsoleCharts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  ConsoleCharts(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The answer to {@code question}: its text (JSON), each image's title and PNG bytes. */
  record Reply(String text, List<String> titles, List<byte[]> pngs) {}

  Reply ask(String question, Duration within) throws Exception {
    String body =
        JSON.writeValueAsString(Map.of("user", "image-test", "text", "@lookout " + question));
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/console/messages"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (posted.statusCode() != 202) {
      throw new AssertionError("posting " + question + " answered " + posted.statusCode());
    }
    String thread = JSON.readTree(posted.body()).path("thread").asText();
    return Eventually.value(
        "Lookout's answer to " + question, within, Duration.ofMillis(200), () -> reply(thread));
  }

  /** The bot's answer in {@code thread}, or {@code null} while there is none. */
  private Reply reply(String thread) throws Exception {
    for (JsonNode m : messages()) {
      if ("bot".equals(m.path("author").path("kind").asText())
          && thread.equals(m.path("thread").asText())) {
        List<String> titles = new ArrayList<>();
        List<byte[]> pngs = new ArrayList<>();
        for (JsonNode part : m.path("parts")) {
          if ("image".equals(part.path("type").asText())) {
            titles.add(part.path("title").asText());
            pngs.add(Base64.getDecoder().decode(part.path("png").asText()));
          }
        }
        return new Reply(m.toString(), titles, pngs);
      }
    }
    return null;
  }

  private JsonNode messages() throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/console/messages?channel=lobby&since=0"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return JSON.readTree(body).path("messages");
  }
}
