package lookout.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import lookout.agent.llm.Usage;
import org.junit.jupiter.api.Test;

/** What one question of the LLM agent leaves on {@code /metrics}. */
class AgentMetersTest {
  @Test
  void a_question_shows_its_first_reply_analysis_time_round_trips_and_billed_and_cached_tokens() {
    BotMetrics metrics = new BotMetrics();
    AgentMeters meters = new AgentMeters(metrics.registry());

    meters.firstReply(Duration.ofMillis(420));
    meters.analysis(Duration.ofMillis(5_600), 1, new Usage(2_300, 180, 1_900, true));

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("lookout_llm_first_reply_seconds_count 1")
        .contains("lookout_llm_first_reply_seconds_sum 0.42")
        .contains("lookout_llm_analysis_seconds_sum 5.6")
        .contains("lookout_llm_round_trips_sum 1.0")
        .contains("lookout_llm_question_tokens_sum{kind=\"billed\"} 2480.0")
        .contains("lookout_llm_question_tokens_sum{kind=\"cached\"} 1900.0");
  }
}
