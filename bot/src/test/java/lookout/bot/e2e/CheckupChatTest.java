package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import lookout.adapters.charts.ChartPng;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check-ups and capacity questions in the console, on the sandbox with its generated metrics. */
class CheckupChatTest {
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;

  @BeforeAll
  static void start() throws Exception {
    lookout = TestLookout.start(dataDir);
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @Test
  void inspect_twice_explains_once_then_says_still_open() throws Exception {
    String first = chat.say("alice", "@lookout 巡检 staging");
    JsonNode report = chat.awaitBot(first, m -> true);
    assertThat(summary(report)).startsWith("Check-up of sandbox/staging: ");
    assertThat(text(report)).contains("CRITICAL", "top memory: staging/");

    String second = chat.say("alice", "@lookout inspect staging");
    JsonNode again = chat.awaitBot(second, m -> true);
    assertThat(summary(again)).contains("0 new", "still open");
  }

  @Test
  void resources_and_top_answer_from_the_sandbox_series() throws Exception {
    String thread = chat.say("bob", "@lookout top memory prod");
    JsonNode top = chat.awaitBot(thread, m -> true);
    assertThat(summary(top)).startsWith("Top memory in sandbox/prod: ");
    JsonNode chart = top.path("parts").findParent("png");
    assertThat(chart.path("type").asText()).isEqualTo("image");
    assertThat(chart.path("title").asText()).startsWith("Top memory in sandbox/prod");
    byte[] png = java.util.Base64.getDecoder().decode(chart.path("png").asText());
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);

    String sizing = chat.say("bob", "@lookout 哪些服务资源浪费最多 prod");
    assertThat(summary(chat.awaitBot(sizing, m -> true))).startsWith("Right-sizing sandbox/prod");
  }
}
