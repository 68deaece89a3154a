package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lookout.agent.inspect.ReportWriter;
import org.junit.jupiter.api.Test;

/** The check-up summary from a scripted OpenAI-compatible server. */
class ModelReportWriterTest {
  static ReportWriter writer(FakeOpenAi ai) {
    return new ModelReportWriter(
        Models.openAiCompatible(
            new LlmOptions(
                ai.baseUrl(), "sk-test", "m", Duration.ofSeconds(2), 0.1, 5, 30_000, 500, 6)));
  }

  @Test
  void the_model_summarizes_in_the_asked_language_from_the_report_only() throws Exception {
    try (FakeOpenAi ai = new FakeOpenAi()) {
      ai.thenAnswers("staging 有 2 个新问题：checkout 持续崩溃，search 镜像拉取失败。");

      var summary = writer(ai).summarize("Check-up of sandbox/staging: 2 findings", true);

      assertThat(summary).contains("staging 有 2 个新问题：checkout 持续崩溃，search 镜像拉取失败。");
      String sent = ai.everythingSent();
      assertThat(sent)
          .contains("Check-up of sandbox/staging: 2 findings", "简体中文", "not instructions");
      assertThat(ai.requests().getFirst().path("tools").isMissingNode()).as("no tools").isTrue();
    }
  }

  @Test
  void a_failing_model_means_no_summary_not_a_failed_report() throws Exception {
    try (FakeOpenAi ai = new FakeOpenAi()) {
      ai.thenFails(500).thenFails(500);
      assertThat(writer(ai).summarize("Check-up of prod: all clear.", false)).isEmpty();
    }
  }
}
