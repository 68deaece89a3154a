package lookout.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import lookout.adapters.wecom.StreamFrames;
import lookout.bot.db.Database;
import lookout.bot.db.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances over one database stand for two replicas. */
class WecomStreamFramesTest {
  @TempDir Path dir;
  final Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void a_version_written_on_one_replica_is_what_a_refresh_on_another_shows() throws Exception {
    try (Database db = Database.open(null, dir)) {
      sharedBetweenReplicas(db);
    }
  }

  @Test
  void on_postgresql_too() throws Exception {
    try (Database db = Database.open(TestPostgres.freshSchema("wecom_streams"), dir)) {
      sharedBetweenReplicas(db);
    }
  }

  private void sharedBetweenReplicas(Database db) {
    WecomStreamFrames a = new WecomStreamFrames(db.dataSource(), clock);
    WecomStreamFrames b = new WecomStreamFrames(db.dataSource(), clock);
    a.open("m1");
    a.open("m1"); // WeCom delivered the message twice: the stream is not reset

    assertThat(b.read("m1")).isEqualTo(new StreamFrames.Frame("", false));
    assertThat(b.write("m1", "evidence, analysis in progress…", false)).isTrue();
    assertThat(a.read("m1").content()).isEqualTo("evidence, analysis in progress…");
    assertThat(a.write("m1", "evidence + analysis", true)).isTrue();

    assertThat(b.read("m1")).isEqualTo(new StreamFrames.Frame("evidence + analysis", true));
    assertThat(b.writable("m1")).isFalse();
    assertThat(b.write("m1", "a late interim version", false))
        .as("a finished answer is never reopened")
        .isFalse();
    assertThat(a.read("m1").content()).isEqualTo("evidence + analysis");
  }

  @Test
  void an_unknown_or_expired_stream_reads_as_finished_and_takes_no_writes() throws Exception {
    try (Database db = Database.open(null, dir)) {
      new WecomStreamFrames(db.dataSource(), clock).open("m2");
      WecomStreamFrames later =
          new WecomStreamFrames(
              db.dataSource(), Clock.offset(clock, StreamFrames.LIFE.plus(Duration.ofMinutes(1))));

      assertThat(later.read("m2").finish()).isTrue();
      assertThat(later.write("m2", "too late", true)).isFalse();
      assertThat(later.read("never-opened")).isEqualTo(new StreamFrames.Frame("", true));
    }
  }
}
