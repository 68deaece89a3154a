package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import lookout.agent.grammar.CheckupRequest.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckupRequestTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "inspect prod, INSPECT, prod",
        "@lookout inspect, INSPECT, -",
        "check-up of staging, INSPECT, staging",
        "health check in prod?, INSPECT, prod",
        "巡检 staging, INSPECT, staging",
        "巡检一下 prod, INSPECT, prod",
        "prod 巡检, INSPECT, prod",
        "staging的巡检, INSPECT, staging",
        "resources prod, RESOURCES, prod",
        "right-size staging, RESOURCES, staging",
        "which services waste the most resources, RESOURCES, -",
        "哪些服务资源浪费最多, RESOURCES, -",
        "哪些服务资源浪费最多 prod, RESOURCES, prod",
        "top memory staging, TOP_MEMORY, staging",
        "top cpu in prod, TOP_CPU, prod",
        "prod 谁最耗内存, TOP_MEMORY, prod",
        "谁最占CPU, TOP_CPU, -",
        "forecast prod, FORECAST, prod",
        "will anything run out in staging?, FORECAST, staging",
        "容量预测 prod, FORECAST, prod",
      })
  void reads_check_up_and_capacity_requests(String text, Kind kind, String scope) {
    assertThat(CheckupRequest.parse(text)).contains(new CheckupRequest(kind, scope));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "why is checkout failing in staging?",
        "restart checkout in staging",
        "inspect the logs of checkout in staging please",
        "runbook resources",
        "",
      })
  void leaves_other_requests_alone(String text) {
    assertThat(CheckupRequest.parse(text)).isEqualTo(Optional.empty());
  }
}
