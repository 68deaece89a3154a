package lookout.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertThreadsTest {
  static final Map<String, String> CRASH =
      Map.of(
          "alertname",
          "KubePodCrashLooping",
          "namespace",
          "staging",
          "deployment",
          "checkout",
          "severity",
          "warning");
  static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
  @TempDir Path dir;

  /** Alerts to slack:C1, a channel that takes {@code rate} messages a second. */
  static AlertsHarness harness(Path dir, int rate, int storm, int budget) throws Exception {
    return new AlertsHarness(
        dir,
        AlertsHarness.settings(List.of(), List.of(Destination.parse("slack:C1")), storm, budget),
        Map.of("slack", RecordingChat.perChannel("slack", rate)));
  }

  @Test
  void repeats_of_the_same_state_edit_the_root_and_run_no_new_analysis() throws Exception {
    try (AlertsHarness h = harness(dir, 100, 1000, 3)) {
      var first = Notifications.group("g", CRASH, 1, 1, START);
      h.alerts.threads().accept(first);
      h.drain(5);
      h.alerts.threads().accept(first);
      h.alerts.threads().accept(first);
      h.drain(5);

      RecordingChat slack = h.chats.get("slack");
      assertThat(slack.roots("C1")).hasSize(1);
      assertThat(h.questions.get()).isEqualTo(1);
      assertThat(slack.calls().stream().filter(c -> c.kind().equals("edit")).count())
          .isBetween(1L, 2L);
    }
  }

  @Test
  void new_alerts_get_one_reply_and_analysis_stops_at_the_budget() throws Exception {
    try (AlertsHarness h = harness(dir, 100, 1000, 2)) {
      for (int n = 1; n <= 4; n++) {
        h.alerts.threads().accept(Notifications.group("g", CRASH, n, n, START));
        h.drain(5);
      }
      RecordingChat slack = h.chats.get("slack");
      assertThat(slack.roots("C1")).hasSize(1);
      assertThat(h.questions.get()).isEqualTo(2);
      var replies =
          slack.calls().stream()
              .filter(c -> c.thread() != null)
              .map(c -> c.message().summary())
              .toList();
      assertThat(replies).filteredOn(s -> s.startsWith("Update: 1 new firing")).hasSize(3);
    }
  }

  @Test
  void resolving_edits_the_root_with_the_duration() throws Exception {
    try (AlertsHarness h = harness(dir, 100, 1000, 1)) {
      h.alerts.threads().accept(Notifications.group("g", CRASH, 2, 2, START));
      h.alerts.threads().accept(Notifications.group("g", CRASH, 0, 2, START));
      h.drain(5);
      RecordingChat slack = h.chats.get("slack");
      String root = slack.roots("C1").get(0).id();
      assertThat(slack.current(root).summary())
          .isEqualTo("✅ RESOLVED: KubePodCrashLooping — staging/checkout — after 10m 0s");
    }
  }

  @Test
  void updates_waiting_behind_the_rate_limit_are_coalesced_and_the_limit_holds() throws Exception {
    try (AlertsHarness h = harness(dir, 2, 1000, 0)) {
      for (int n = 1; n <= 20; n++) {
        h.alerts.threads().accept(Notifications.group("g", CRASH, n, n, START));
      }
      assertThat(h.drain(30)).isTrue();
      RecordingChat slack = h.chats.get("slack");
      assertThat(slack.roots("C1")).hasSize(1);
      assertThat(slack.calls().size()).isLessThan(10);
      assertThat(slack.peakPerSecond("C1")).isLessThanOrEqualTo(3);
      String root = slack.roots("C1").get(0).id();
      assertThat(slack.current(root).summary()).startsWith("🔥 FIRING (20)");
    }
  }

  @Test
  void a_saturated_channel_gets_one_storm_summary_and_every_group_its_root() throws Exception {
    try (AlertsHarness h = harness(dir, 5, 5, 0)) {
      for (int g = 0; g < 15; g++) {
        h.alerts.threads().accept(Notifications.group("g" + g, CRASH, 1, 1, START));
      }
      assertThat(h.drain(30)).isTrue();
      RecordingChat slack = h.chats.get("slack");
      var roots = slack.roots("C1");
      assertThat(roots.stream().filter(c -> c.message().summary().contains("Alert storm")))
          .hasSize(1);
      assertThat(roots.stream().filter(c -> c.message().summary().startsWith("🔥"))).hasSize(15);
      String storm =
          roots.stream()
              .filter(c -> c.message().summary().contains("storm"))
              .findFirst()
              .orElseThrow()
              .id();
      assertThat(slack.current(storm).summary()).startsWith("✅ Alert storm over");
      // On /metrics: the 15 roots and the storm summary (posted, then edited at least once).
      assertThat(
              h.meters
                  .get("lookout_alert_posts")
                  .tags("platform", "slack", "kind", "root")
                  .counter()
                  .count())
          .isEqualTo(15);
      assertThat(
              h.meters
                  .get("lookout_alert_posts")
                  .tags("platform", "slack", "kind", "storm")
                  .counter()
                  .count())
          .isGreaterThanOrEqualTo(2);
      assertThat(
              h.meters
                  .get("lookout_alert_lane_backlog")
                  .tag("destination", "slack:C1")
                  .gauge()
                  .value())
          .isZero();
      assertThat(
              h.meters
                  .get("lookout_alert_notifications")
                  .tag("result", "accepted")
                  .counter()
                  .count())
          .isEqualTo(15);
    }
  }

  @Test
  void two_replicas_sharing_a_database_post_each_root_once() throws Exception {
    RecordingChat shared = RecordingChat.perChannel("slack", 50);
    var settings =
        AlertsHarness.settings(List.of(), List.of(Destination.parse("slack:C1")), 1000, 0);
    try (AlertsHarness a = new AlertsHarness(dir, settings, Map.of("slack", shared));
        AlertsHarness b = new AlertsHarness(dir, settings, Map.of("slack", shared));
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      CountDownLatch go = new CountDownLatch(1);
      for (int g = 0; g < 20; g++) {
        var n = Notifications.group("g" + g, CRASH, 1, 1, START);
        for (AlertsHarness replica : List.of(a, b)) {
          pool.execute(
              () -> {
                try {
                  go.await();
                  replica.alerts.threads().accept(n);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
        }
      }
      go.countDown();
      pool.shutdown();
      pool.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
      a.drain(20);
      b.drain(20);
      assertThat(shared.roots("C1")).hasSize(20);
    }
  }
}
