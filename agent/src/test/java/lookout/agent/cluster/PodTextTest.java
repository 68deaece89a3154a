package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import lookout.agent.text.Ages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodTextTest {
  static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

  /** A one-container pod in a phase, with the container waiting/terminated for a reason. */
  static Pod pod(String phase, String waiting, String terminated, boolean ready, int restarts) {
    var status =
        new ContainerStatusBuilder()
            .withName("app")
            .withReady(ready)
            .withRestartCount(restarts)
            .withNewState();
    if (!waiting.isEmpty()) {
      status = status.withNewWaiting().withReason(waiting).endWaiting();
    } else if (!terminated.isEmpty()) {
      status = status.withNewTerminated().withReason(terminated).withExitCode(1).endTerminated();
    } else {
      status = status.withNewRunning().endRunning();
    }
    return new PodBuilder()
        .withNewMetadata()
        .withName("p")
        .withCreationTimestamp("2026-01-10T10:00:00Z")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .endContainer()
        .withNodeName("n1")
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .withContainerStatuses(status.endState().build())
        .endStatus()
        .build();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Running   |                  |           | true  | 0 | Running          | false
          Running   | CrashLoopBackOff |           | false | 7 | CrashLoopBackOff | true
          Pending   | ImagePullBackOff |           | false | 0 | ImagePullBackOff | true
          Running   |                  | Error     | false | 1 | Error            | true
          Running   |                  |           | false | 0 | Running          | true
          Succeeded |                  | Completed | false | 0 | Completed        | false
          """)
  void status_reads_like_kubectl(
      String phase,
      String waiting,
      String terminated,
      boolean ready,
      int restarts,
      String expected,
      boolean problem) {
    Pod pod =
        pod(
            phase,
            waiting == null ? "" : waiting,
            terminated == null ? "" : terminated,
            ready,
            restarts);
    assertThat(PodText.status(pod)).isEqualTo(expected);
    assertThat(PodText.problem(pod, NOW)).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-01-10T11:59:30Z | true  | 30s
          2026-01-10T09:00:00Z | false | 3h
          """)
  void a_ready_pod_is_a_problem_only_if_a_container_died_this_hour(
      String finishedAt, boolean problem, String ago) {
    Pod pod = pod("Running", "", "", true, 3);
    pod.getStatus()
        .getContainerStatuses()
        .get(0)
        .setLastState(
            new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .withFinishedAt(finishedAt)
                .endTerminated()
                .build());
    assertThat(PodText.problem(pod, NOW)).isEqualTo(problem);
    assertThat(PodText.line(pod, NOW))
        .isEqualTo(
            "p Running ready=1/1 restarts=3 last=OOMKilled(137) " + ago + " ago age=2h node=n1");
  }

  @ParameterizedTest
  @CsvSource({"PT30S, 30s", "PT5M, 5m", "PT3H, 3h", "P3D, 3d", "PT-5S, 0s"})
  void ages_are_coarse(String duration, String expected) {
    assertThat(Ages.age(java.time.Duration.parse(duration))).isEqualTo(expected);
  }
}
