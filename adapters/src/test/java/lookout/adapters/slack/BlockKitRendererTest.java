package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageFixtures;
import lookout.adapters.chat.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under {@code src/test/resources/lookout/adapters/slack/golden/}; regenerate them
 * after a deliberate change with {@code -Dlookout.golden.update=true} and review the diff.
 */
class BlockKitRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/lookout/adapters/slack/golden");
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(
            "answer-with-code-and-buttons",
            (Supplier<Message>) MessageFixtures::answerWithCodeAndButtons),
        Arguments.of("approval-card", (Supplier<Message>) MessageFixtures::approvalCard),
        Arguments.of("too-long-answer", (Supplier<Message>) MessageFixtures::tooLongAnswer));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void renders_as_the_golden_file(String name, Supplier<Message> fixture) throws Exception {
    BlockKitRenderer.Rendered rendered = renderer.render(fixture.get());
    ObjectNode actual = JSON.createObjectNode().put("text", rendered.text());
    actual.set("blocks", rendered.blocks());

    if (Boolean.getBoolean("lookout.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(
          GOLDEN.resolve(name + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    }
    try (InputStream in = getClass().getResourceAsStream("golden/" + name + ".json")) {
      assertThat(in).as("golden file golden/%s.json", name).isNotNull();
      assertThat(actual).isEqualTo(JSON.readTree(in));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void stays_within_slacks_limits(String name, Supplier<Message> fixture) {
    assertWithinLimits(renderer.render(fixture.get()).blocks());
  }

  @Test
  void a_too_long_answer_is_cut_with_a_note_and_keeps_its_buttons() {
    JsonNode blocks = renderer.render(MessageFixtures.tooLongAnswer()).blocks();

    assertThat(blocks.size()).isEqualTo(50);
    assertThat(blocks.get(48).toString()).contains("more blocks were cut");
    assertThat(blocks.get(49).path("type").asText()).isEqualTo("actions");
    assertThat(blocks.get(49).toString()).contains("p2.sig");
  }

  @Test
  void long_code_is_split_at_line_breaks_into_fenced_sections() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      log.append("line ").append(i).append(" ").append("y".repeat(60)).append('\n');
    }
    JsonNode blocks =
        renderer.render(new Message("logs", List.of(new Part.Code(log.toString())))).blocks();

    List<String> texts = new ArrayList<>();
    for (int i = 1; i < blocks.size(); i++) {
      texts.add(blocks.get(i).path("text").path("text").asText());
    }
    assertThat(texts).hasSizeGreaterThan(1);
    assertThat(texts).allSatisfy(t -> assertThat(t).startsWith("```\nline ").endsWith("\n```"));
    assertThat(String.join("", texts)).contains("line 99 ");
  }

  @Test
  void one_huge_line_with_escapes_is_cut_without_breaking_an_escape() {
    String text = "&".repeat(5000);
    JsonNode blocks =
        renderer.render(new Message("x", List.of(new Part.Section(null, text)))).blocks();

    assertWithinLimits(blocks);
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i).path("text").path("text").asText()).matches("(&amp;)+");
    }
  }

  @Test
  void many_facts_and_buttons_are_spread_over_blocks() {
    List<Part.Fact> facts = new ArrayList<>();
    List<Part.Button> buttons = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      facts.add(new Part.Fact("k" + i, "v".repeat(3000)));
    }
    for (int i = 0; i < 30; i++) {
      buttons.add(new Part.Button("b" + i, "t" + i, Part.Style.DEFAULT));
    }
    buttons.add(new Part.Button("too big", "z".repeat(2001), Part.Style.DANGER));
    JsonNode blocks =
        renderer
            .render(new Message("x", List.of(new Part.Facts(facts), new Part.Actions(buttons))))
            .blocks();

    assertWithinLimits(blocks);
    assertThat(blocks.toString()).contains("\"t29\"").doesNotContain("zzzz");
    assertThat(blocks.toString()).contains("too big").contains("cannot be shown");
  }

  static void assertWithinLimits(JsonNode blocks) {
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    List<String> actionIds = new ArrayList<>();
    for (JsonNode block : blocks) {
      assertThat(block.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
      assertThat(block.path("fields").size()).isLessThanOrEqualTo(10);
      for (JsonNode field : block.path("fields")) {
        assertThat(field.path("text").asText().length()).isLessThanOrEqualTo(2000);
      }
      assertThat(block.path("elements").size()).isLessThanOrEqualTo(25);
      for (JsonNode element : block.path("elements")) {
        assertThat(element.path("value").asText().length()).isLessThanOrEqualTo(2000);
        assertThat(element.path("action_id").asText().length()).isLessThanOrEqualTo(255);
        assertThat(element.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000);
        if (element.has("action_id")) {
          actionIds.add(element.get("action_id").asText());
        }
      }
    }
    assertThat(actionIds).doesNotHaveDuplicates();
  }
}
