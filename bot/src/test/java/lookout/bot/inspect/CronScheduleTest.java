package lookout.bot.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @ParameterizedTest
  @CsvSource({
    "0 9 * * *,       2026-11-22T08:59:00+08:00[Asia/Shanghai], 2026-11-22T09:00+08:00[Asia/Shanghai]",
    "0 9 * * *,       2026-11-22T09:00:00+08:00[Asia/Shanghai], 2026-11-23T09:00+08:00[Asia/Shanghai]",
    "30 9 * * 1-5,    2026-11-21T10:00:00+08:00[Asia/Shanghai], 2026-11-23T09:30+08:00[Asia/Shanghai]",
    "*/15 * * * *,    2026-11-22T10:07:30+08:00[Asia/Shanghai], 2026-11-22T10:15+08:00[Asia/Shanghai]",
    "0 0 1 * *,       2026-11-22T10:00:00+08:00[Asia/Shanghai], 2026-12-01T00:00+08:00[Asia/Shanghai]",
    "0 8 * * MON,     2026-11-22T10:00:00+08:00[Asia/Shanghai], 2026-11-23T08:00+08:00[Asia/Shanghai]",
    "0 9 29 FEB *,    2026-11-22T10:00:00+08:00[Asia/Shanghai], 2028-02-29T09:00+08:00[Asia/Shanghai]",
    "0 10 1 * 0,      2026-11-02T00:00:00+08:00[Asia/Shanghai], 2026-11-08T10:00+08:00[Asia/Shanghai]",
  })
  void next_run_in_the_teams_zone(String cron, String after, String expected) {
    ZonedDateTime next = CronSchedule.parse(cron).next(ZonedDateTime.parse(after), SHANGHAI);
    assertThat(next).isEqualTo(ZonedDateTime.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    // 02:30 does not exist on the spring-forward day; the next existing match is the day after.
    "30 2 * * *, 2026-03-29T01:00:00+01:00[Europe/Berlin], 2026-03-30T02:30+02:00[Europe/Berlin]",
    "0 9 * * *,  2026-10-25T08:00:00+02:00[Europe/Berlin], 2026-10-25T09:00+01:00[Europe/Berlin]",
  })
  void daylight_saving_changes_keep_local_time(String cron, String after, String expected) {
    ZonedDateTime next = CronSchedule.parse(cron).next(ZonedDateTime.parse(after), BERLIN);
    assertThat(next.toLocalDateTime()).isEqualTo(ZonedDateTime.parse(expected).toLocalDateTime());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 9 * *|expected 5 fields",
        "60 9 * * *|bad minute field '60'",
        "0 24 * * *|bad hour field '24'",
        "0 9 0 * *|bad day of month field '0'",
        "0 9 * 13 *|bad month field '13'",
        "0 9 * * FUNDAY|bad day of week field 'FUNDAY'",
        "0 9-5 * * *|bad hour field '9-5'",
        "0 */0 * * *|bad hour field '*/0'",
      })
  void bad_expressions_name_the_field(String cron, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(cron)).hasMessageContaining(message);
  }
}
