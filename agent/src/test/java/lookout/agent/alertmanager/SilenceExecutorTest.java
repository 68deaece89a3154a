package lookout.agent.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lookout.agent.remote.HttpEndpoint;
import lookout.approvals.ExpireSilence;
import lookout.approvals.RestartDeployment;
import lookout.approvals.SilenceAlerts;
import lookout.approvals.SilenceMatcher;
import lookout.testing.RealAlertmanager;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code silence} action kind run against a real Alertmanager, dry run first. */
@Tag("alertmanager")
class SilenceExecutorTest {
  @TempDir Path dir;

  @Test
  void silence_then_unsilence_with_dry_runs_that_say_what_will_happen() throws Exception {
    Assumptions.assumeTrue(RealAlertmanager.usable(), "prometheus-alertmanager not installed");
    try (RealAlertmanager am = RealAlertmanager.quiet(dir)) {
      var client = new AlertmanagerClient(HttpEndpoint.of(URI.create(am.url())));
      var executor = new SilenceExecutor(Map.of("prod-eu", client), Clock.systemUTC());
      AlertmanagerClientTest.postAlert(am.url(), "KubePodCrashLooping", "staging");
      var silence =
          new SilenceAlerts(
              "prod-eu",
              "staging",
              "KubePodCrashLooping",
              AlertmanagerClientTest.CRASH,
              Duration.ofHours(1),
              "console:bob",
              "Lookout thread console:alerts/42");

      assertThat(executor.dryRun(silence).change())
          .isEqualTo("mutes 1 alert firing now: KubePodCrashLooping");
      String result = executor.execute(silence);
      assertThat(result).matches("silence [0-9a-f-]{36} created in Alertmanager, active until .*");
      String id = result.split(" ")[1];
      assertThat(client.silence(id).orElseThrow().createdBy()).isEqualTo("console:bob");
      assertThat(executor.dryRun(silence).change())
          .as("an alert already silenced is not counted again")
          .isEqualTo("mutes no alert firing right now (and any that match later)");

      var unsilence = new ExpireSilence("prod-eu", "staging", "KubePodCrashLooping", id);
      assertThat(executor.dryRun(unsilence).change())
          .startsWith("ends the silence console:bob set until ");
      assertThat(executor.execute(unsilence))
          .isEqualTo("silence " + id + " expired in Alertmanager");
      assertThatThrownBy(() -> executor.dryRun(unsilence))
          .hasMessageStartingWith("silence " + id + " is expired (it ended ")
          .hasMessageEndingWith("); nothing to unsilence");
    }
  }

  @Test
  void a_cluster_without_an_alertmanager_and_other_actions_are_refused_by_name() {
    var executor = new SilenceExecutor(Map.of(), Clock.systemUTC());
    var silence =
        new SilenceAlerts(
            "sandbox",
            "staging",
            "X",
            List.of(SilenceMatcher.equal("alertname", "X")),
            Duration.ofHours(1),
            "console:bob",
            "");

    assertThatThrownBy(() -> executor.dryRun(silence))
        .hasMessage(
            "no Alertmanager is configured for cluster sandbox (alertmanagers[] in lookout.yaml)");
    assertThatThrownBy(() -> executor.execute(new RestartDeployment("sandbox", "staging", "x")))
        .hasMessageContaining("only silences go to Alertmanager");
  }
}
