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
import java.util.Optional;
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
                  .isEqualTo("pod cannot be scheduled: " + message + "; 2 pods affected");
              assertThat(f.evidence())
                  .containsExactly(
                      "pod staging/checkout-7d9f8-a1: Pending, PodScheduled=False (Unschedulable)"
                          + " for 12m",
                      "scheduler: " + message,
                      "requests: app cpu=2 memory=4Gi",
                      "event FailedScheduling ×7 (last 30s ago): " + message,
                      "also affected: 1 more pod of deployment staging/checkout: checkout-7d9f8-b2",
                      "hint: no node has enough free capacity; lower the requests, free capacity or"
                          + " add nodes");
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
          0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}     | toleration
          0/5 nodes are available: 5 node(s) didn't match Pod's node affinity/selector  | nodeSelector
          0/2 nodes are available: 2 pod has unbound immediate PersistentVolumeClaims   | volume
          0/1 nodes are available: 1 node(s) were unschedulable                         | cordoned
          """)
  void hint_names_the_usual_fix(String message, String expected) {
    assertThat(PendingAnalyzer.hint(message))
        .hasValueSatisfying(h -> assertThat(h).contains(expected));
  }

  @Test
  void no_hint_for_an_unknown_message() {
    assertThat(PendingAnalyzer.hint("something else")).isEqualTo(Optional.empty());
  }
}
