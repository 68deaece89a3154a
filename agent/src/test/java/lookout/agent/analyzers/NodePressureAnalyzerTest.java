package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.ago;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodePressureAnalyzerTest {
  private final NodePressureAnalyzer analyzer = new NodePressureAnalyzer(CLOCK);

  private static NodeCondition condition(
      String type, String status, String reason, String message) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastTransitionTime(ago(Duration.ofMinutes(5)))
        .build();
  }

  private static Node node(String name, NodeCondition... conditions) {
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .withConditions(conditions)
        .endStatus()
        .build();
  }

  private static final NodeCondition READY =
      condition("Ready", "True", "KubeletReady", "kubelet is posting ready");

  @Test
  void not_ready_node_is_critical_and_lists_the_pods_on_it() {
    // given
    var node =
        node(
            "worker-1",
            condition(
                "Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
            condition(
                "MemoryPressure",
                "True",
                "KubeletHasInsufficientMemory",
                "kubelet has insufficient memory"));
    var pods =
        List.of(
            deploymentPod("staging", "checkout", "7d9f8", "a1").build(),
            deploymentPod("staging", "web", "7d9f8", "b1")
                .editSpec()
                .withNodeName("worker-2")
                .endSpec()
                .build());
    var events =
        List.of(
            event(
                "Node",
                null,
                "worker-1",
                "NodeNotReady",
                "Node worker-1 status is now: NodeNotReady",
                1,
                Duration.ofMinutes(5)));

    // when
    var findings = analyzer.analyze(facts(pods, events, List.of(), List.of(node)));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.subject()).isEqualTo("node worker-1");
              assertThat(f.summary())
                  .isEqualTo("node worker-1 is NotReady, MemoryPressure; 1 pod runs on it");
              assertThat(f.evidence())
                  .startsWith(
                      "node worker-1: Ready=Unknown (NodeStatusUnknown: Kubelet stopped posting"
                          + " node status.) since 5m ago",
                      "node worker-1: MemoryPressure=True (KubeletHasInsufficientMemory: kubelet"
                          + " has insufficient memory) since 5m ago",
                      "pods on it: staging/checkout-7d9f8-a1",
                      "event NodeNotReady (5m ago): Node worker-1 status is now: NodeNotReady");
            });
  }

  static Stream<Arguments> nodes() {
    return Stream.of(
        Arguments.of(
            "healthy", node("n", READY, condition("DiskPressure", "False", null, null)), null),
        Arguments.of(
            "disk pressure",
            node("n", READY, condition("DiskPressure", "True", null, null)),
            Finding.Severity.WARNING),
        Arguments.of(
            "pid pressure",
            node("n", READY, condition("PIDPressure", "True", null, null)),
            Finding.Severity.WARNING),
        Arguments.of(
            "not ready",
            node("n", condition("Ready", "False", null, null)),
            Finding.Severity.CRITICAL),
        Arguments.of("no conditions reported", node("n"), Finding.Severity.CRITICAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nodes")
  void severity_follows_the_conditions(String name, Node node, Finding.Severity expected) {
    var findings = analyzer.analyze(facts(List.of(), List.of(), List.of(), List.of(node)));

    if (expected == null) {
      assertThat(findings).isEmpty();
    } else {
      assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(expected);
    }
  }
}
