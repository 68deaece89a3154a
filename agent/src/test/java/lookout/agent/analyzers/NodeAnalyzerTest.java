package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAnalyzerTest {
  private final NodeAnalyzer analyzer = new NodeAnalyzer(CLOCK);

  static String node(String name, String ready, String conditions, String spec) {
    return """
        apiVersion: v1
        kind: Node
        metadata: {name: %s, labels: {kubernetes.io/hostname: %s}}
        spec: {%s}
        status:
          allocatable: {cpu: 3920m, memory: 15Gi, pods: "110"}
          conditions:
          %s
          %s
        ---
        """
        .formatted(name, name, spec, ready, conditions);
  }

  static final String UNKNOWN =
      "- {type: Ready, status: Unknown, reason: NodeStatusUnknown, message: Kubelet stopped posting"
          + " node status., lastHeartbeatTime: '2026-01-01T11:48:00Z', lastTransitionTime:"
          + " '2026-01-01T11:49:00Z'}";
  static final String READY =
      "- {type: Ready, status: 'True', reason: KubeletReady, message: kubelet is posting ready"
          + " status}";

  static String pod(String name, String node, String cpu) {
    return """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: shop}
        spec:
          nodeName: %s
          containers:
          - {name: app, image: shop/app:1, resources: {requests: {cpu: %s, memory: 1Gi}}}
        status: {phase: Running}
        ---
        """
        .formatted(name, node, cpu);
  }

  @Test
  void a_node_whose_kubelet_stopped_posting_status_is_critical_with_its_pods_and_what_to_check() {
    String yaml =
        node(
                "worker-3",
                UNKNOWN,
                "",
                "taints: [{key: node.kubernetes.io/unreachable, effect: NoExecute, timeAdded: '2026-01-01T11:49:30Z'}]")
            + node(
                "worker-9",
                "- {type: Ready, status: 'False', reason: KubeletNotReady, message: 'PLEG is not healthy: pleg was last seen active 3m5s ago; threshold is 3m0s'}",
                "",
                "")
            + pod("cart-7d9f8c6b5d-x2k4p", "worker-3", "250m");

    List<Finding> findings =
        analyzer.analyze(YamlFacts.facts(new ObjectRef("Deployment", "shop", "cart"), yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo("NodeNotReady");
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.summary())
                  .isEqualTo(
                      "is NotReady: the kubelet stopped posting node status (last"
                          + " heartbeat 12m ago); 1 pod runs on it");
              assertThat(f.evidence())
                  .startsWith(
                      "node worker-3: Ready=Unknown (NodeStatusUnknown: Kubelet stopped posting"
                          + " node status.) since 11m ago",
                      "taints: node.kubernetes.io/unreachable:NoExecute",
                      "pods on it: shop/cart-7d9f8c6b5d-x2k4p");
              assertThat(f.fixes()).first().asString().startsWith("check node worker-3 itself");
            });
  }

  @Test
  void a_kubelet_reason_is_quoted_and_the_fix_follows_it() {
    String yaml =
        node(
                "worker-9",
                "- {type: Ready, status: 'False', reason: KubeletNotReady, message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized'}",
                "",
                "")
            + pod("cart-7d9f8c6b5d-x2k4p", "worker-9", "250m");

    assertThat(analyzer.analyze(YamlFacts.facts(null, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .startsWith("is NotReady: container runtime network not ready");
              assertThat(f.fixes())
                  .first()
                  .asString()
                  .startsWith("fix the network plugin on node worker-9");
            });
  }

  @Test
  void disk_pressure_is_a_warning_with_what_to_free() {
    String yaml =
        node(
                "worker-2",
                READY,
                "- {type: DiskPressure, status: 'True', reason: KubeletHasDiskPressure, message: kubelet has disk pressure}",
                "")
            + pod("cart-7d9f8c6b5d-x2k4p", "worker-2", "250m");

    assertThat(analyzer.analyze(YamlFacts.facts(null, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo("NodePressure");
              assertThat(f.summary()).isEqualTo("is under DiskPressure; 1 pod runs on it");
              assertThat(f.fixes()).first().asString().startsWith("free disk on node worker-2");
            });
  }

  @Test
  void a_cluster_wide_look_without_pods_reports_every_sick_node() {
    String yaml = node("worker-3", UNKNOWN, "", "") + node("worker-4", READY, "", "");

    assertThat(analyzer.analyze(YamlFacts.facts(null, yaml)))
        .extracting(Finding::subject)
        .containsExactly("node worker-3");
  }

  @Test
  void a_node_question_shows_cordon_own_taints_and_requests_near_allocatable() {
    String yaml =
        node(
                "worker-4",
                READY,
                "",
                "unschedulable: true, taints: [{key: dedicated, value: gpu, effect: NoSchedule}, {key: node.kubernetes.io/unschedulable, effect: NoSchedule}]")
            + pod("a-1", "worker-4", "2")
            + pod("b-1", "worker-4", "1700m")
            + pod("c-1", "worker-5", "3");

    List<Finding> findings =
        new NodeSchedulingAnalyzer()
            .analyze(YamlFacts.facts(new ObjectRef("Node", null, "worker-4"), yaml));

    assertThat(findings)
        .extracting(Finding::analyzer)
        .containsExactly("NodeCordoned", "NodeTaints", "NodeFull");
    assertThat(findings.get(1).summary())
        .isEqualTo(
            "is tainted dedicated=gpu:NoSchedule: only pods tolerating that are placed there");
    assertThat(findings.get(2).summary())
        .isEqualTo("is full by requests: cpu requests 3700m of 3920m allocatable (94%)");
    assertThat(findings.get(2).evidence())
        .contains("node worker-4: memory requests 2048Mi of 15360Mi allocatable (13%)");
  }

  @Test
  void a_not_ready_node_that_still_takes_pods_is_offered_for_cordoning() {
    String notReady =
        "- {type: Ready, status: 'False', reason: KubeletNotReady, message: 'PLEG is not healthy'}";
    String yaml =
        node("worker-9", notReady, "", "")
            + node("worker-8", notReady, "", "unschedulable: true")
            + pod("cart-7d9f8c6b5d-x2k4p", "worker-9", "250m")
            + pod("cart-7d9f8c6b5d-q8w2e", "worker-8", "250m");

    assertThat(analyzer.analyze(YamlFacts.facts(null, yaml)))
        .extracting(Finding::suggestions)
        .containsExactlyInAnyOrder(
            List.of(
                new lookout.approvals.NodeAction(
                    "dev", "worker-9", lookout.approvals.NodeAction.Op.CORDON)),
            List.of());
  }
}
