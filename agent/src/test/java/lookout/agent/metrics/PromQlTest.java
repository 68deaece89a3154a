package lookout.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromQlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "up",
        "sum by (pod) (rate(container_cpu_usage_seconds_total{namespace=\"shop\"}[5m]))",
        "predict_linear(node_filesystem_avail_bytes{mountpoint=\"/\"}[6h], 86400) < 0",
        "max_over_time(kube_pod_container_status_restarts_total{pod=~\"a.*\"}[7d])",
        "rate(x{path=\"/a)b\"}[1m])"
      })
  void ordinary_queries_pass(String q) {
    assertThat(PromQl.validate(q)).isEqualTo(q);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          empty                     | '  '                                   | empty
          unbalanced paren          | sum(rate(x[5m])                        | unclosed '('
          stray bracket             | rate(x[5m]]                            | unbalanced ']'
          unterminated string       | x{a="b}                                | unterminated string
          range over a week         | rate(x[30d])                           | longer than 7d
          selects everything        | {__name__=~".*"}                       | selects every series
          bare matcher              | {namespace="shop"}                     | selects every series
          """)
  void bad_queries_are_refused_with_the_reason(String what, String q, String reason) {
    assertThatThrownBy(() -> PromQl.validate(q))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @org.junit.jupiter.api.Test
  void a_very_long_query_is_refused() {
    assertThatThrownBy(() -> PromQl.validate("up" + " ".repeat(0) + "+up".repeat(400)))
        .hasMessageContaining("at most 1000");
  }
}
