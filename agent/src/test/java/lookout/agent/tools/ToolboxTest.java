package lookout.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import java.time.Clock;
import java.util.List;
import lookout.agent.metrics.MetricsService;
import org.junit.jupiter.api.Test;

/** The one place tool calls run: failures become text the model can act on, secrets vanish. */
class ToolboxTest {
  static final lookout.agent.metrics.MetricsSource EMPTY =
      new lookout.agent.metrics.MetricsSource() {
        @Override
        public List<lookout.agent.metrics.Series> instant(String promql, java.time.Instant time) {
          return List.of();
        }

        @Override
        public List<lookout.agent.metrics.Series> range(
            String promql,
            java.time.Instant start,
            java.time.Instant end,
            java.time.Duration step) {
          return List.of();
        }
      };

  static ToolCall run(Toolbox box, String tool, String args) {
    return box.execute(ToolExecutionRequest.builder().id("1").name(tool).arguments(args).build());
  }

  @Test
  void an_unknown_tool_is_an_error_result_not_an_exception() {
    Toolbox box = new Toolbox(List.of(new KnowledgeTools(new KnowledgeService(null))));

    ToolCall call = run(box, "delete_namespace", "{}");

    assertThat(call.outcome()).isEqualTo("error");
    assertThat(call.result()).contains("no tool named delete_namespace");
  }

  @Test
  void a_bad_promql_comes_back_as_an_error_naming_the_problem() {
    Toolbox box =
        new Toolbox(List.of(new MetricsTools(new MetricsService(EMPTY, Clock.systemUTC()))));

    ToolCall call = run(box, "metrics_query", "{\"promql\":\"sum(rate(x[5m])\",\"window\":\"1h\"}");

    assertThat(call.outcome()).isEqualTo("error");
    assertThat(call.result()).contains("unclosed '('");
  }

  @Test
  void metrics_without_prometheus_say_so() {
    Toolbox box =
        new Toolbox(List.of(new MetricsTools(new MetricsService(null, Clock.systemUTC()))));

    ToolCall call = run(box, "restarts", "{\"namespace\":\"shop\"}");

    assertThat(call.result()).contains("Prometheus is not configured");
  }

  @Test
  void secrets_in_a_tool_result_are_redacted_before_anyone_sees_them() {
    String key = "AKIA" + "ABCDEFGHIJKLMNOP";
    Toolbox box =
        new Toolbox(
            List.of(
                new KnowledgeTools(
                    new KnowledgeService(
                        (q, n) ->
                            List.of(
                                new lookout.knowledge.Hit(
                                    "runbook",
                                    "Leaked",
                                    "",
                                    "x.md",
                                    "use " + key + " to log in",
                                    1f))))));

    ToolCall call = run(box, "search_knowledge", "{\"query\":\"login\"}");

    assertThat(call.result()).doesNotContain(key).contains("[REDACTED aws key id]");
  }
}
