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

  @Test
  void a_chinese_question_gets_its_charts_in_chinese() throws Exception {
    JsonNode top = chat.awaitBot(chat.say("carol", "@lookout prod 谁最占内存"), m -> true);
    assertThat(chartTitles(top)).containsExactly("sandbox/prod 内存占用最高的工作负载（每个 Pod，当前）");

    JsonNode waste = chat.awaitBot(chat.say("carol", "@lookout 哪些服务资源浪费最多"), m -> true);
    assertThat(chartTitles(waste)).containsExactly("sandbox 超配最多的工作负载：内存峰值与请求量");
    assertThat(waste.path("parts").findValuesAsText("type")).doesNotContain("note");
  }

  /** The titles of the message's pictures, each checked to be a PNG of the charts' width. */
  static java.util.List<String> chartTitles(JsonNode message) throws Exception {
    java.util.List<String> titles = new java.util.ArrayList<>();
    for (JsonNode part : message.path("parts")) {
      if (part.path("type").asText().equals("image")) {
        byte[] png = java.util.Base64.getDecoder().decode(part.path("png").asText());
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartPng.WIDTH);
        titles.add(part.path("title").asText());
      }
    }
    return titles;
  }
}
