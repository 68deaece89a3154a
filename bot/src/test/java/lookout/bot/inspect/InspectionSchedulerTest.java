package lookout.bot.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;
import lookout.agent.Answer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.inspect.Inspector;
import lookout.agent.sandbox.SandboxCluster;
import lookout.bot.db.Database;
import lookout.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled check-ups on a clock the test moves, posting into a recording channel. */
class InspectionSchedulerTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @TempDir Path dir;
  SandboxCluster sandbox;
  Database db;
  // Sunday 2026-11-22 08:00 in Shanghai.
  final TestClock clock = new TestClock(Instant.parse("2026-11-22T00:00:00Z"));
  final List<String> posts = new ArrayList<>();

  record Post(ConversationRef where, Answer answer) {}

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxCluster.start();
    db = Database.open(null, dir);
  }

  @AfterEach
  void stop() {
    db.close();
    sandbox.close();
  }

  InspectionScheduler scheduler(String cron) {
    InspectionSettings daily =
        new InspectionSettings(
            "daily-staging",
            Optional.empty(),
            Optional.of("staging"),
            CronSchedule.parse(cron),
            SHANGHAI,
            "console",
            "#ops",
            "en");
    Inspector inspector =
        new Inspector(
            "sandbox",
            new ClusterReader(sandbox.client()),
            Analyzers.all(),
            null,
            Clock.systemUTC());
    return new InspectionScheduler(
        List.of(daily),
        Map.of("sandbox", inspector),
        "sandbox",
        new InspectionStore(db.dataSource()),
        (report, chinese) -> Optional.of("Summary of " + report.lines().findFirst().orElse("")),
        this::record,
        clock);
  }

  final List<String> sections = new ArrayList<>();

  Optional<MessageRef> record(ConversationRef where, Answer answer) {
    posts.add((where.thread() == null ? "root " : "thread ") + answer.summary());
    answer
        .sections()
        .forEach(s -> sections.add(s.heading() + ": " + String.join(" / ", s.lines())));
    return Optional.of(new MessageRef(where, "m" + posts.size()));
  }

  @Test
  void a_weekday_schedule_waits_for_monday_nine_in_the_teams_zone() {
    InspectionScheduler s = scheduler("0 9 * * 1-5");
    assertThat(s.nextRun("daily-staging")).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));

    clock.advance(Duration.ofHours(24)); // Monday 08:00
    assertThat(s.runDue()).isEmpty();
    clock.advance(Duration.ofHours(1)); // Monday 09:00
    assertThat(s.runDue()).containsExactly("daily-staging");

    assertThat(posts).hasSize(2);
    assertThat(posts.get(0)).startsWith("root Check-up of sandbox/staging: ").contains("finding");
    // the sandbox's findings change as analyzers learn; the line's shape is what is scheduled here
    assertThat(sections.getFirst())
        .matches(
            "Summary: Summary of Check-up of sandbox/staging: \\d+ findings \\(\\d+ critical,"
                + " \\d+ warning\\)\\.");
    assertThat(posts.get(1)).startsWith("thread ");
    assertThat(s.nextRun("daily-staging")).isEqualTo(Instant.parse("2026-11-24T01:00:00Z"));
  }

  @Test
  void the_next_day_only_the_root_is_posted_when_nothing_is_new() {
    InspectionScheduler s = scheduler("0 9 * * *");
    clock.advance(Duration.ofHours(1));
    s.runDue();
    clock.advance(Duration.ofDays(1));
    s.runDue();

    assertThat(posts).hasSize(3);
    assertThat(posts.get(2)).startsWith("root ").contains("0 new", "still open", "0 resolved");
  }

  @Test
  void two_replicas_on_one_database_post_each_run_once() {
    InspectionScheduler a = scheduler("0 9 * * *");
    InspectionScheduler b = scheduler("0 9 * * *");
    clock.advance(Duration.ofHours(1));

    List<String> ran = new ArrayList<>(a.runDue());
    ran.addAll(b.runDue());

    assertThat(ran).containsExactly("daily-staging");
    assertThat(posts.stream().filter(p -> p.startsWith("root "))).hasSize(1);
  }
}
