package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  @ParameterizedTest(name = "{0} after {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*/15 * * * *          |        | 2026-01-01T12:07:00Z | 2026-01-01T12:15:00Z",
        "0 2 * * 1-5           |        | 2026-01-02T03:00:00Z | 2026-01-05T02:00:00Z",
        "@daily                |        | 2026-01-01T12:00:00Z | 2026-01-02T00:00:00Z",
        "@hourly               |        | 2026-01-01T12:00:00Z | 2026-01-01T13:00:00Z",
        "0 0 13 * FRI          |        | 2026-01-01T12:00:00Z | 2026-01-02T00:00:00Z",
        "30 9 * JAN-MAR SUN    |        | 2026-01-01T12:00:00Z | 2026-01-04T09:30:00Z",
        "0 9 * * 7             |        | 2026-01-01T12:00:00Z | 2026-01-04T09:00:00Z",
        "CRON_TZ=Asia/Shanghai 0 9 * * * | | 2026-01-01T00:00:00Z | 2026-01-01T01:00:00Z",
        "0 9 * * *             | Asia/Shanghai | 2026-01-01T02:00:00Z | 2026-01-02T01:00:00Z",
        "5 4 1/10 * *          |        | 2026-01-01T12:00:00Z | 2026-01-11T04:05:00Z",
      })
  void the_next_run_is_where_cron_puts_it(String schedule, String zone, String after, String next) {
    assertThat(CronSchedule.parse(schedule.trim(), zone).orElseThrow().next(Instant.parse(after)))
        .contains(Instant.parse(next));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"61 * * * *", "* * *", "@every 1h", "0 0 * * MON-FUNDAY", "TZ=Mars/Base 0 0 * * *"})
  void a_schedule_the_controller_would_reject_is_empty(String schedule) {
    assertThat(CronSchedule.parse(schedule, null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"0 0 30 2 *"})
  void a_schedule_that_never_fires_has_no_next_run(String schedule) {
    assertThat(
            CronSchedule.parse(schedule, null)
                .orElseThrow()
                .next(Instant.parse("2026-01-01T00:00:00Z")))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 * * * * | 2026-01-01T00:30:00Z | 2026-01-01T05:10:00Z | 5 | 2026-01-01T05:00:00Z"
      })
  void runs_due_in_a_window_are_counted(
      String schedule, String from, String to, int count, String last) {
    CronSchedule.Due due =
        CronSchedule.parse(schedule, null)
            .orElseThrow()
            .due(Instant.parse(from), Instant.parse(to), 101);
    assertThat(due).isEqualTo(new CronSchedule.Due(count, Instant.parse(last)));
  }
}
