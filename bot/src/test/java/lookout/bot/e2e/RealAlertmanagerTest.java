package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import lookout.adapters.console.ConsoleMessage;
import lookout.bot.wiring.LookoutServer;
import lookout.knowledge.Hit;
import lookout.knowledge.SearchRequest;
import lookout.testing.Eventually;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof with the real thing: Debian's Prometheus evaluates the kube-prometheus rules
 * over series for the sandbox's workloads, Debian's Alertmanager groups the alerts and posts its
 * webhook to Lookout. Skipped without the binaries, except under CI, where it fails instead.
 */
@Tag("alertmanager")
class RealAlertmanagerTest {
  static final String TOKEN = "e2e-" + Long.toHexString(System.nanoTime()) + "-alert-token";
  @TempDir Path dir;

  @Test
  void a_crashlooping_workload_becomes_one_thread_that_resolves_when_fixed() throws Exception {
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(
          PrometheusStack.installed(),
          "prometheus and prometheus-alertmanager are not installed (apt-get install"
              + " prometheus prometheus-alertmanager)");
    } else {
      assertThat(PrometheusStack.installed())
          .as(
              "CI must have /usr/bin/prometheus, /usr/bin/prometheus-alertmanager and the rules in "
                  + PrometheusStack.rulesDir())
          .isTrue();
    }
    try (LookoutServer lookout =
            TestLookout.start(dir.resolve("lookout"), "alerts:\n  token: " + TOKEN + "\n");
        FakeClusterExporter exporter = new FakeClusterExporter();
        PrometheusStack stack = new PrometheusStack(dir, exporter.port(), lookout.port(), TOKEN)) {
      Predicate<ConsoleMessage> crashRoot =
          m -> m.thread() == null && m.text().contains("KubePodCrashLooping");
      ConsoleMessage root = await(lookout, stack, crashRoot, Duration.ofSeconds(60));
      assertThat(root.text()).contains("FIRING").contains("staging/checkout");

      ConsoleMessage analysis =
          await(
              lookout,
              stack,
              m -> root.id().equals(m.thread()) && m.text().startsWith("🔎"),
              Duration.ofSeconds(30));
      assertThat(String.valueOf(analysis.content()))
          .contains(
              "https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping")
          .contains("CrashLoopBackOff");

      // Alertmanager repeats the group (repeat_interval 3s): the root is edited, never reposted.
      await(
          lookout,
          stack,
          m -> m.id().equals(root.id()) && !String.valueOf(m.content()).contains("Notification 1,"),
          Duration.ofSeconds(30));
      assertThat(messages(lookout).stream().filter(crashRoot).count()).isEqualTo(1);

      exporter.fix();
      ConsoleMessage resolved =
          await(
              lookout,
              stack,
              m -> m.id().equals(root.id()) && m.text().contains("RESOLVED"),
              Duration.ofSeconds(60));
      assertThat(resolved.text()).contains("KubePodCrashLooping").contains("after");
      assertThat(messages(lookout).stream().filter(crashRoot).count()).isEqualTo(1);

      List<Hit> hits =
          Eventually.value(
              "the resolved group to be searchable",
              Duration.ofSeconds(15),
              Duration.ofMillis(200),
              () -> {
                List<Hit> found =
                    lookout
                        .lookout()
                        .knowledge()
                        .search(
                            SearchRequest.of("pod crash looping checkout staging")
                                .withKind("incident"))
                        .hits()
                        .stream()
                        .filter(
                            h ->
                                h.id().contains("ALERT-")
                                    && h.title().contains("KubePodCrashLooping"))
                        .toList();
                return found.isEmpty() ? null : found;
              });
      assertThat(hits).as("the resolved group is searchable as an incident").isNotEmpty();
    }
  }

  static List<ConsoleMessage> messages(LookoutServer lookout) {
    return lookout.console().since("alerts", 0).messages();
  }

  static ConsoleMessage await(
      LookoutServer lookout, PrometheusStack stack, Predicate<ConsoleMessage> p, Duration within)
      throws InterruptedException {
    try {
      return Eventually.value(
          "a message in #alerts",
          within,
          Duration.ofMillis(200),
          () -> messages(lookout).stream().filter(p).findFirst().orElse(null));
    } catch (AssertionError e) {
      // reported below with both servers' logs
    }
    throw new AssertionError(
        "timed out; #alerts has: "
            + messages(lookout).stream().map(ConsoleMessage::text).toList()
            + "\n--- prometheus ---\n"
            + stack.log("prometheus")
            + "\n--- alertmanager ---\n"
            + stack.log("alertmanager"));
  }
}
