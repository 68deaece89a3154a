package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.ago;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PendingAnalyzerTest {
  private final PendingAnalyzer analyzer = new PendingAnalyzer(CLOCK);

  private static Pod pending(String name, String status, String message) {
    return deploymentPod("staging", "checkout", "7d9f8", name)
        .editSpec()
        .withNodeName(null)
        .editFirstContainer()
        .withNewResources()
        .withRequests(Map.of("cpu", new Quantity("2"), "memory", new Quantity("4Gi")))
        .endResources()
        .endContainer()
        .endSpec()
        .editStatus()
        .withPhase("Pending")
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus(status)
        .withReason("Unschedulable")
        .withMessage(message)
        .withLastTransitionTime(ago(Duration.ofMinutes(12)))
        .endCondition()
        .endStatus()
        .build();
  }

  @Test
  void unschedulable_pod_shows_the_scheduler_message_requests_and_events() {
    // given
    String message =
        "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available.";
    var pods = List.of(pending("a1", "False", message), pending("b2", "False", message));
    var events =
        List.of(
            event(
                "Pod",
                "staging",
                "checkout-7d9f8-a1",
                "FailedScheduling",
                message,
                7,
                Duration.ofSeconds(30)));

    // when
    var findings = analyzer.analyze(facts(pods, events, NO_LOGS));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
              assertThat(f.summary())
                  .isEqualTo(
                      "cannot be scheduled on any of 3 nodes: 3 nodes lack free cpu (the pod"
                          + " requests cpu=2)");
              assertThat(f.affected()).hasSize(2);
              assertThat(f.fixes()).singleElement().asString().startsWith("lower the cpu request");
              assertThat(f.evidence())
                  .containsExactly(
                      "pod staging/checkout-7d9f8-a1: Pending, PodScheduled=False (Unschedulable)"
                          + " for 12m",
                      "scheduler: " + message,
                      "requests: app cpu=2 memory=4Gi",
                      "event FailedScheduling ×7 (last 30s ago): " + message,
                      "also affected: 1 more pod of deployment staging/checkout: checkout-7d9f8-b2");
            });
  }

  @Test
  void scheduled_pending_pod_is_not_a_scheduling_problem() {
    var pod = pending("a1", "True", null);

    assertThat(analyzer.analyze(facts(List.of(pod), List.of(), NO_LOGS))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling. | taint dedicated=gpu that the pod does not tolerate
          0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector  | do not match the pod's node selector
          0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling. | is not bound
          0/1 nodes are available: 1 node(s) were unschedulable                         | cordoned
          0/4 nodes are available: 1 Insufficient cpu, 3 node(s) didn't have free ports for the requested pod ports | 3 nodes already use the hostPort
          0/4 nodes are available: 4 Too many pods                                      | pod limit
          """)
  void the_schedulers_message_is_explained_part_by_part(String message, String expected) {
    var pod = pending("a1", "False", message);

    assertThat(analyzer.analyze(facts(List.of(pod), List.of(), NO_LOGS)))
        .singleElement()
        .satisfies(f -> assertThat(f.summary()).contains("cannot be scheduled", expected));
  }

  @Test
  void the_scheduler_message_parts_keep_their_counts() {
    SchedulerMessage m =
        SchedulerMessage.parse(
            "0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint"
                + " {dedicated: gpu}. preemption: 0/5 nodes are available: 5 Preemption is not"
                + " helpful for scheduling.");
    assertThat(m.nodes()).isEqualTo(5);
    assertThat(m.parts())
        .containsExactly(
            new SchedulerMessage.Part(2, "Insufficient cpu"),
            new SchedulerMessage.Part(3, "node(s) had untolerated taint {dedicated: gpu}"));
    assertThat(m.preemption()).startsWith("0/5 nodes are available");
  }
}
