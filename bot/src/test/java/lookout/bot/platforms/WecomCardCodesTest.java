package lookout.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import lookout.bot.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WecomCardCodesTest {
  @TempDir Path dir;

  @Test
  void the_newest_code_survives_a_restart_and_is_spent_once() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    try (Database db = Database.open(null, dir)) {
      new WecomCardCodes(db.dataSource(), clock).put("lk1", "from-send");
      new WecomCardCodes(db.dataSource(), clock).put("lk1", "from-click");

      WecomCardCodes afterRestart = new WecomCardCodes(db.dataSource(), clock);
      assertThat(afterRestart.take("lk1")).contains("from-click");
      assertThat(afterRestart.take("lk1")).isEmpty();
    }
  }

  @Test
  void a_code_older_than_72_hours_is_not_used() throws Exception {
    Instant sent = Instant.parse("2026-11-22T00:00:00Z");
    try (Database db = Database.open(null, dir)) {
      new WecomCardCodes(db.dataSource(), Clock.fixed(sent, ZoneOffset.UTC)).put("lk2", "old");

      Clock later = Clock.fixed(sent.plus(Duration.ofHours(73)), ZoneOffset.UTC);
      assertThat(new WecomCardCodes(db.dataSource(), later).take("lk2")).isEmpty();
    }
  }
}
