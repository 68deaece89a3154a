package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.ago;
import static lookout.agent.analyzers.Fixtures.crashLooping;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static lookout.agent.analyzers.Fixtures.healthy;
import static lookout.agent.analyzers.Fixtures.withStatuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lookout.approvals.RestartDeployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrashLoopBackOffAnalyzerTest {
  private final CrashLoopBackOffAnalyzer analyzer = new CrashLoopBackOffAnalyzer(CLOCK);

  @Test
  void crash_looping_pod_yields_exit_code_previous_log_errors_backoff_events_and_a_restart() {
    // given
    Pod pod =
        withStatuses(
            deploymentPod("staging", "checkout", "7d9f8b6c5", "x2abc"),
            crashLooping("app", 1, "Error", 7));
    List<String> previousLog =
        new ArrayList<>(List.of("INFO starting", "ERROR cannot connect to db:5432"));
    previousLog.addAll(List.of("INFO retry", "FATAL giving up"));
    List<Boolean> askedPrevious = new ArrayList<>();
    LogSource logs =
        (ns, p, c, previous, lines) -> {
          askedPrevious.add(previous);
          return ns.equals("staging") && p.equals(pod.getMetadata().getName()) && c.equals("app")
              ? previousLog
              : List.of();
        };
    var events =
        List.of(
            event(
                "Pod",
                "staging",
                pod.getMetadata().getName(),
                "BackOff",
                "Back-off restarting failed container",
                23,
                Duration.ofMinutes(2)));

    // when
    List<Finding> findings = analyzer.analyze(facts(List.of(pod), events, logs));

    // then
    assertThat(askedPrevious).startsWith(true);
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.subject()).isEqualTo("pod staging/checkout-7d9f8b6c5-x2abc");
              assertThat(f.summary())
                  .isEqualTo("keeps crashing: exit code 1 (Error) — FATAL giving up; 7 restarts");
              assertThat(f.evidence())
                  .contains(
                      "pod staging/checkout-7d9f8b6c5-x2abc container app: waiting"
                          + " CrashLoopBackOff, last terminated Error exit=1 (1m ago) restarts=7",
                      "log: ERROR cannot connect to db:5432",
                      "log: FATAL giving up",
                      "event BackOff ×23 (last 2m ago): Back-off restarting failed container");
              assertThat(f.suggestions())
                  .containsExactly(new RestartDeployment("dev", "staging", "checkout"));
            });
  }

  static Stream<Arguments> notCrashing() {
    var completed =
        new PodBuilder(deploymentPod("batch", "report", "5f6d7", "aaaaa").build())
            .editStatus()
            .withPhase("Succeeded")
            .endStatus();
    var completedStatus =
        new ContainerStatusBuilder()
            .withName("app")
            .withRestartCount(0)
            .withNewState()
            .withNewTerminated()
            .withExitCode(0)
            .withReason("Completed")
            .endTerminated()
            .endState()
            .build();
    var oldCrash =
        new ContainerStatusBuilder(healthy("app"))
            .withRestartCount(1)
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(1)
            .withReason("Error")
            .withFinishedAt(ago(Duration.ofDays(2)))
            .endTerminated()
            .endLastState()
            .build();
    return Stream.of(
        Arguments.of(
            "healthy pod",
            withStatuses(deploymentPod("staging", "checkout", "7d9f8", "a1"), healthy("app"))),
        Arguments.of("completed job pod", withStatuses(completed, completedStatus)),
        Arguments.of(
            "OOMKilled is left to the OOM analyzer",
            withStatuses(
                deploymentPod("staging", "checkout", "7d9f8", "a1"),
                crashLooping("app", 137, "OOMKilled", 4))),
        Arguments.of(
            "one crash two days ago",
            withStatuses(deploymentPod("staging", "checkout", "7d9f8", "a1"), oldCrash)),
        Arguments.of(
            "pod with no status at all",
            new PodBuilder().withNewMetadata().withName("bare").endMetadata().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notCrashing")
  void no_finding_for_pods_that_are_not_crash_looping(String name, Pod pod) {
    assertThat(analyzer.analyze(facts(List.of(pod), List.of(), NO_LOGS))).isEmpty();
  }

  @Test
  void replicas_crashing_the_same_way_are_one_finding_naming_the_others() {
    // given three replicas of one deployment, the second one with the most restarts
    List<Pod> pods =
        List.of(
            withStatuses(
                deploymentPod("prod", "payment-api", "66b9c", "aaaaa"),
                crashLooping("app", 2, "Error", 3)),
            withStatuses(
                deploymentPod("prod", "payment-api", "66b9c", "bbbbb"),
                crashLooping("app", 2, "Error", 9)),
            withStatuses(
                deploymentPod("prod", "payment-api", "66b9c", "ccccc"),
                crashLooping("app", 2, "Error", 5)));

    // when
    List<Finding> findings = analyzer.analyze(facts(pods, List.of(), NO_LOGS));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("pod prod/payment-api-66b9c-bbbbb");
              assertThat(f.summary()).endsWith("9 restarts");
              assertThat(f.affected()).hasSize(3);
              assertThat(f.evidence())
                  .contains(
                      "also affected: 2 more pods of deployment prod/payment-api: "
                          + "payment-api-66b9c-ccccc, payment-api-66b9c-aaaaa");
              assertThat(f.evidence())
                  .contains("log: no previous or current log lines for container app");
            });
  }

  @Test
  void statefulset_pods_get_no_restart_suggestion() {
    var pod =
        deploymentPod("data", "redis", "x", "0")
            .editMetadata()
            .withName("redis-0")
            .withOwnerReferences()
            .addNewOwnerReference()
            .withKind("StatefulSet")
            .withName("redis")
            .withController(true)
            .endOwnerReference()
            .endMetadata();
    Pod crashing = withStatuses(pod, crashLooping("app", 1, "Error", 3));

    List<Finding> findings = analyzer.analyze(facts(List.of(crashing), List.of(), NO_LOGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.suggestions()).isEmpty();
              assertThat(f.evidence()).noneMatch(l -> l.startsWith("hint: a restart"));
            });
  }

  @Test
  void a_failing_log_source_is_reported_not_thrown() {
    Pod pod =
        withStatuses(
            deploymentPod("staging", "checkout", "7d9f8", "a1"),
            crashLooping("app", 1, "Error", 2));
    LogSource broken =
        (ns, p, c, previous, lines) -> {
          throw new IllegalStateException("connection reset");
        };

    List<Finding> findings = analyzer.analyze(facts(List.of(pod), List.of(), broken));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains("log: could not read the log of container app: connection reset"));
  }

  @Test
  void recent_restart_after_an_error_is_a_warning_even_when_running_again() {
    var status =
        new ContainerStatusBuilder(healthy("app"))
            .withRestartCount(2)
            .withNewLastState()
            .withNewTerminated()
            .withExitCode(127)
            .withReason("Error")
            .withFinishedAt(ago(Duration.ofMinutes(5)))
            .endTerminated()
            .endLastState()
            .build();
    Pod pod = withStatuses(deploymentPod("staging", "checkout", "7d9f8", "a1"), status);

    List<Finding> findings = analyzer.analyze(facts(List.of(pod), List.of(), NO_LOGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
              assertThat(f.summary()).contains("exit code 127 (Error, command not found)");
            });
  }
}
