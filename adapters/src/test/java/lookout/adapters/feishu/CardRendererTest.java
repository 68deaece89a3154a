package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * Golden files under {@code src/test/resources/lookout/adapters/feishu/golden/}, rendered from the
 * fixtures every platform shares; regenerate them after a deliberate change with {@code
 * -Dlookout.golden.update=true} and review the diff.
 */
class CardRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/lookout/adapters/feishu/golden");
  private final CardRenderer renderer = new CardRenderer();

  static Message chineseAnswer() {
    return new Message(
        "checkout（staging）处于 CrashLoopBackOff 状态",
        List.of(
            new Part.Section("诊断", "容器 app 在 10 分钟内退出 3 次：缺少环境变量 DATABASE_URL，且没有默认值。"),
            new Part.Facts(
                List.of(
                    new Part.Fact("命名空间", "staging"),
                    new Part.Fact("申请人", "王小明 (feishu:ou_wang)"))),
            new Part.Code("2026-11-22T00:00:01Z 错误 配置：DATABASE_URL 未设置 <*_~`>"),
            new Part.Actions(
                List.of(
                    new Part.Button("批准 Approve", "a1.approve.sig", Part.Style.PRIMARY),
                    new Part.Button("拒绝 Reject", "a1.reject.sig", Part.Style.DANGER))),
            new Part.Note("来自集群 sandbox，00:00:03 UTC 🙂")));
  }

  static Stream<Arguments> fixtures() {
    return Stream.of(
        Arguments.of(
            "answer-with-code-and-buttons",
            (Supplier<Message>) MessageFixtures::answerWithCodeAndButtons),
        Arguments.of("approval-card", (Supplier<Message>) MessageFixtures::approvalCard),
        Arguments.of("too-long-answer", (Supplier<Message>) MessageFixtures::tooLongAnswer),
        Arguments.of("chinese-answer", (Supplier<Message>) CardRendererTest::chineseAnswer));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void renders_as_the_golden_file(String name, Supplier<Message> fixture) throws Exception {
    JsonNode actual = JSON.readTree(renderer.render(fixture.get()).json());

    if (Boolean.getBoolean("lookout.golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(
          GOLDEN.resolve(name + ".json"),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n",
          StandardCharsets.UTF_8);
    }
    try (InputStream in = getClass().getResourceAsStream("golden/" + name + ".json")) {
      assertThat(in).as("golden file golden/%s.json", name).isNotNull();
      assertThat(actual).isEqualTo(JSON.readTree(in));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void stays_under_feishus_card_size_limit(String name, Supplier<Message> fixture) {
    String json = renderer.render(fixture.get()).json();

    assertThat(json.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(CardRenderer.MAX_BYTES);
  }

  @Test
  void a_too_long_answer_is_cut_with_a_note_and_keeps_its_buttons() throws Exception {
    JsonNode elements =
        JSON.readTree(renderer.render(MessageFixtures.tooLongAnswer()).json())
            .path("body")
            .path("elements");

    JsonNode last = elements.get(elements.size() - 1);
    assertThat(last.path("tag").asText()).isEqualTo("column_set");
    assertThat(last.toString()).contains("p2.sig");
    assertThat(elements.get(elements.size() - 2).toString()).contains("more parts were cut");
  }

  @Test
  void a_huge_chinese_log_is_cut_by_bytes_not_characters() throws Exception {
    String line = "错误：无法连接数据库，正在重试……\n";
    Message huge =
        new Message(
            "日志",
            List.of(
                new Part.Code(line.repeat(3000)),
                new Part.Actions(List.of(new Part.Button("批准", "tok", Part.Style.PRIMARY)))));

    String json = renderer.render(huge).json();

    assertThat(json.getBytes(StandardCharsets.UTF_8).length)
        .isBetween(CardRenderer.MAX_BYTES - 4096, CardRenderer.MAX_BYTES);
    assertThat(json).contains("more parts were cut").contains("\"token\":\"tok\"");
    assertThat(json).doesNotContain("\uFFFD");
  }

  @Test
  void text_is_never_markdown_and_a_fence_in_code_cannot_close_the_block() throws Exception {
    Message tricky =
        new Message(
            "**not bold** <at id=all></at>",
            List.of(new Part.Section(null, "[click](https://evil)"), new Part.Code("a\n```\nb")));

    JsonNode card = JSON.readTree(renderer.render(tricky).json());
    List<String> tags = new ArrayList<>();
    card.path("body").path("elements").forEach(e -> tags.add(e.path("tag").asText()));

    assertThat(card.path("header").path("title").path("tag").asText()).isEqualTo("plain_text");
    assertThat(tags).containsExactly("div", "markdown");
    assertThat(card.path("body").path("elements").get(0).path("text").path("tag").asText())
        .isEqualTo("plain_text");
    String code = card.path("body").path("elements").get(1).path("content").asText();
    assertThat(code.indexOf("```", 3)).isEqualTo(code.length() - 3);
  }
}
