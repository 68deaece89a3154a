package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lookout's streaming client against a scripted server speaking each provider's dialect: the tool
 * call comes out whole and the answer's prose streams, with no reasoning and no tool-call markup
 * shown, and usage read (or estimated when the server sends none).
 */
class ProviderQuirksTest {
  static final String ARGS = "{\"namespace\":\"staging\",\"name\":\"checkout\"}";
  static final String ANSWER =
      "staging/checkout crash-loops: DATABASE_URL is not set (exit code 1).\n"
          + "The secret checkout-db is not mounted.";

  FakeOpenAi server;
  OpenAiStream client;

  @BeforeEach
  void start() throws Exception {
    server = new FakeOpenAi();
    client =
        new OpenAiStream(
            LlmOptions.defaults(server.baseUrl(), "sk-quirks-0123456789", "m")
                .withTimeout(Duration.ofSeconds(20)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ChatRequest request() {
    ToolSpecification investigate =
        ToolSpecification.builder()
            .name("investigate")
            .description("everything about a workload")
            .parameters(
                JsonObjectSchema.builder()
                    .addStringProperty("namespace")
                    .addStringProperty("name")
                    .required("name")
                    .build())
            .build();
    return ChatRequest.builder()
        .messages(UserMessage.from("why is checkout failing?"))
        .toolSpecifications(investigate)
        .build();
  }

  @ParameterizedTest
  @EnumSource(FakeOpenAi.Dialect.class)
  void a_streamed_tool_call_comes_out_whole_and_shows_nothing(FakeOpenAi.Dialect dialect) {
    server.speaking(dialect).thenCalls(Map.entry("investigate", ARGS));
    List<String> shown = new CopyOnWriteArrayList<>();

    var c = client.complete(request(), Instant.now().plusSeconds(20), shown::add);

    assertThat(c.message().toolExecutionRequests()).hasSize(1);
    var call = c.message().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("investigate");
    assertThat(parse(call.arguments())).isEqualTo(parse(ARGS));
    assertThat(String.join("", shown)).as("no tool-call text reaches a person").isBlank();
  }

  @ParameterizedTest
  @EnumSource(FakeOpenAi.Dialect.class)
  void the_answer_streams_without_reasoning_and_usage_is_read(FakeOpenAi.Dialect dialect) {
    server.speaking(dialect).thenAnswers(ANSWER);
    List<String> shown = new CopyOnWriteArrayList<>();

    var c = client.complete(request(), Instant.now().plusSeconds(20), shown::add);

    assertThat(c.message().hasToolExecutionRequests()).isFalse();
    assertThat(c.message().text()).isEqualTo(ANSWER);
    assertThat(shown).as("streamed in pieces").hasSizeGreaterThan(1);
    assertThat(String.join("", shown)).isEqualTo(ANSWER).doesNotContain("think about");
    boolean sendsUsage =
        dialect != FakeOpenAi.Dialect.OLLAMA && dialect != FakeOpenAi.Dialect.NO_USAGE;
    assertThat(c.usage().reported()).isEqualTo(sendsUsage);
    assertThat(c.usage().prompt()).isPositive();
    assertThat(c.usage().completion()).isPositive();
    assertThat(server.requests().get(0).path("stream").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = FakeOpenAi.Dialect.class,
      names = {"OPENAI", "DEEPSEEK"})
  void cached_prompt_tokens_are_read_in_both_spellings(FakeOpenAi.Dialect dialect) {
    server.speaking(dialect).thenAnswers("first").thenAnswers("second");

    client.complete(request(), Instant.now().plusSeconds(20), t -> {});
    var second = client.complete(request(), Instant.now().plusSeconds(20), t -> {});

    assertThat(second.usage().cached()).isPositive().isLessThan(second.usage().prompt());
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return ChatJson.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }
}
