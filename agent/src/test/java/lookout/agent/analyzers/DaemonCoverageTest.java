package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A DaemonSet asked about says which nodes it skips and why, though nothing fails. */
class DaemonCoverageTest {
  static final ObjectRef EXPORTER = new ObjectRef("DaemonSet", "monitoring", "node-exporter");

  static String node(String name, String taints, String ready) {
    return """
        apiVersion: v1
        kind: Node
        metadata: {name: %s, labels: {kubernetes.io/os: linux}}
        spec: {taints: %s}
        status: {conditions: [{type: Ready, status: "%s", reason: KubeletReady}]}
        ---
        """
        .formatted(name, taints, ready);
  }

  static String pod(String suffix, String node) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: node-exporter-%s
          namespace: monitoring
          ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: node-exporter, controller: true, uid: ds1}]
        spec: {nodeName: %s, containers: [{name: node-exporter, image: "quay.io/prometheus/node-exporter:v1.8.2"}]}
        status: {phase: Running, conditions: [{type: Ready, status: "True"}], containerStatuses: [{name: node-exporter, ready: true, restartCount: 0, image: x, imageID: y, state: {running: {startedAt: "2026-01-01T00:00:00Z"}}}]}
        ---
        """
        .formatted(suffix, node);
  }

  static final String DAEMONSET =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: node-exporter, namespace: monitoring}
      spec:
        selector: {matchLabels: {app: node-exporter}}
        template:
          metadata: {labels: {app: node-exporter}}
          spec:
            nodeSelector: {kubernetes.io/os: linux}
            tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]
            containers: [{name: node-exporter, image: "quay.io/prometheus/node-exporter:v1.8.2"}]
      status: {desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 2, numberAvailable: 2, numberMisscheduled: 0}
      ---
      """;

  @Test
  void a_healthy_daemonset_names_the_nodes_it_skips_with_their_untolerated_taints() {
    String yaml =
        DAEMONSET
            + node("default-1", "[]", "True")
            + node(
                "default-2",
                "[{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]",
                "True")
            + node("gpu-1", "[{key: nvidia.com/gpu, value: present, effect: NoSchedule}]", "True")
            + pod("a", "default-1")
            + pod("b", "default-2");

    var findings = new DaemonSetAnalyzer(CLOCK).analyze(YamlFacts.facts(EXPORTER, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.role()).isEqualTo(Finding.Role.NOTE);
              assertThat(f.summary())
                  .isEqualTo(
                      "runs on 2 of 3 nodes; none on gpu-1: taint nvidia.com/gpu=present:NoSchedule"
                          + " not tolerated");
              assertThat(f.evidence())
                  .contains(
                      "no daemon pod on gpu-1: taint nvidia.com/gpu=present:NoSchedule not"
                          + " tolerated");
            });
  }

  @Test
  void a_daemonset_on_every_node_or_not_asked_about_says_nothing_of_coverage() {
    String everywhere = DAEMONSET + node("default-1", "[]", "True") + pod("a", "default-1");
    assertThat(new DaemonSetAnalyzer(CLOCK).analyze(YamlFacts.facts(EXPORTER, everywhere)))
        .isEmpty();
    String skips =
        DAEMONSET
            + node("default-1", "[]", "True")
            + node("gpu-1", "[{key: nvidia.com/gpu, value: present, effect: NoSchedule}]", "True")
            + pod("a", "default-1");
    assertThat(new DaemonSetAnalyzer(CLOCK).analyze(YamlFacts.facts(null, skips))).isEmpty();
  }
}
