package lookout.adapters.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Golden files under {@code src/test/resources/lookout/adapters/wecom/golden/}, rendered from the
 * shared fixtures; regenerate after a deliberate change with {@code -Dlookout.golden.update=true}
 * and review the diff.
 */
class WecomRenderersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/lookout/adapters/wecom/golden");
  private final WecomMarkdown markdown = new WecomMarkdown();
  private final TemplateCards cards = new TemplateCards();

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
    ObjectNode actual = JSON.createObjectNode().put("markdown", markdown.render(fixture.get()));
    actual.set("template_card", cards.render(fixture.get(), "lk-golden-task"));

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
  void markdown_stays_within_4096_bytes(String name, Supplier<Message> fixture) {
    assertThat(WecomMarkdown.bytes(markdown.render(fixture.get()))).isLessThanOrEqualTo(4096);
  }

  @Test
  void a_too_long_answer_is_cut_with_a_note_and_still_names_its_action() {
    String text = markdown.render(MessageFixtures.tooLongAnswer());

    assertThat(text).contains("cut to fit WeCom's 4,096-byte limit");
    assertThat(text).endsWith("**Request: restart**");
  }

  @Test
  void chinese_text_is_cut_on_character_boundaries() {
    Message longChinese = new Message("集群状态", List.of(new Part.Section("诊断", "重启".repeat(3000))));

    String text = markdown.render(longChinese);

    assertThat(WecomMarkdown.bytes(text)).isLessThanOrEqualTo(4096);
    assertThat(text).doesNotContain("\uFFFD");
  }

  @Test
  void a_button_token_longer_than_a_card_key_is_left_out_and_said_so() {
    Message m =
        new Message(
            "Proposal",
            List.of(
                new Part.Actions(
                    List.of(
                        new Part.Button("Huge", "t".repeat(2000), Part.Style.PRIMARY),
                        new Part.Button("Small", "ok", Part.Style.DEFAULT)))));

    ObjectNode card = cards.render(m, "lk1");

    assertThat(card.path("button_list")).hasSize(1);
    assertThat(card.path("sub_title_text").asText()).contains("could not be shown as buttons");
  }
}
