package lookout.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.YamlFacts;
import org.junit.jupiter.api.Test;

/** Ranking over whole facts: the root cause first, symptoms folded, unrelated findings dropped. */
class DiagnosisEngineTest {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final ObjectRef CATALOG = new ObjectRef("Deployment", "shop", "catalog");

  final DiagnosisEngine engine = DiagnosisEngine.ranking(Analyzers.all(CLOCK, null), CLOCK);

  static String deployment(int replicas, int ready, String progressing) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: catalog, namespace: shop, annotations: {deployment.kubernetes.io/revision: "3"}}
        spec:
          replicas: %d
          selector: {matchLabels: {app: catalog}}
          template:
            metadata: {labels: {app: catalog}}
            spec: {containers: [{name: catalog, image: harbor.example/shop/catalog:1.4.0}]}
        status:
          replicas: %d
          updatedReplicas: %d
          readyReplicas: %d
          conditions: %s
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: catalog-5f8d6c7b9
          namespace: shop
          annotations: {deployment.kubernetes.io/revision: "3"}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: catalog, controller: true, uid: d1}]
        spec:
          replicas: %d
          selector: {matchLabels: {app: catalog, pod-template-hash: 5f8d6c7b9}}
          template:
            metadata: {labels: {app: catalog}}
            spec: {containers: [{name: catalog, image: harbor.example/shop/catalog:1.4.0}]}
        status: {replicas: %d, readyReplicas: %d}
        ---
        """
        .formatted(replicas, replicas, replicas, ready, progressing, replicas, replicas, ready);
  }

  static String pod(String suffix, String node, String phase, String ready, String statuses) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: catalog-5f8d6c7b9-%s
          namespace: shop
          labels: {app: catalog, pod-template-hash: 5f8d6c7b9}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: catalog-5f8d6c7b9, controller: true, uid: r1}]
        spec:
          %s
          tolerations: [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute}]
          containers:
          - name: catalog
            image: harbor.example/shop/catalog:1.4.0
            envFrom: [{configMapRef: {name: catalog-config}}]
            resources: {requests: {cpu: 500m, memory: 512Mi}, limits: {memory: 512Mi}}
        status:
          phase: %s
          conditions:
          - {type: Ready, status: "%s"}
          %s
        ---
        """
        .formatted(suffix, node == null ? "" : "nodeName: " + node, phase, ready, statuses);
  }

  static String node(String name, String ready, String reason, String taints) {
    return """
        apiVersion: v1
        kind: Node
        metadata: {name: %s, labels: {kubernetes.io/arch: amd64}}
        spec: {taints: [%s]}
        status:
          allocatable: {cpu: "4", memory: 16Gi}
          nodeInfo: {architecture: amd64}
          conditions:
          - {type: Ready, status: "%s", reason: %s, message: "%s", lastTransitionTime: "2026-01-01T09:00:00Z"}
        ---
        """
        .formatted(
            name,
            taints,
            ready,
            reason,
            reason.equals("KubeletReady")
                ? "kubelet is posting ready status"
                : "Kubelet stopped posting node status.");
  }

  static final String CONFIG_ERROR =
      """
      containerStatuses:
          - name: catalog
            ready: false
            restartCount: 0
            state: {waiting: {reason: CreateContainerConfigError, message: 'configmap "catalog-config" not found'}}
      """;

  @Test
  void a_missing_configmap_is_the_root_cause_and_explains_the_stuck_rollout() {
    String yaml =
        deployment(
                2,
                0,
                "[{type: Progressing, status: 'False', reason: ProgressDeadlineExceeded, message: 'ReplicaSet \"catalog-5f8d6c7b9\" has timed out progressing.'}]")
            + pod("hv2rd", "worker-1", "Pending", "False", CONFIG_ERROR)
            + pod("w4xkp", "worker-2", "Pending", "False", CONFIG_ERROR)
            + node("worker-1", "True", "KubeletReady", "")
            + node("worker-2", "True", "KubeletReady", "");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.verdict()).isEqualTo(Diagnosis.Verdict.BROKEN);
    assertThat(d.headline())
        .startsWith(
            "deployment shop/catalog cannot start: ConfigMap catalog-config does not exist"
                + " (CreateContainerConfigError on 2/2 pods)")
        .doesNotContain("restart");
    assertThat(d.cause().orElseThrow().fixes())
        .contains(
            "create ConfigMap catalog-config in shop, or correct the name in deployment shop/catalog");
    assertThat(d.cause().orElseThrow().suggestions())
        .as("a restart cannot create a ConfigMap")
        .isEmpty();
    assertThat(d.explained()).extracting(f -> f.analyzer()).contains("Rollout");
    assertThat(d.others()).isEmpty();
  }

  @Test
  void
      pending_pods_are_explained_by_the_scheduler_not_by_a_notready_node_that_hosts_none_of_them() {
    String pending =
        """
        conditions:
          - {type: PodScheduled, status: 'False', reason: Unschedulable, message: '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) had untolerated taint(s). preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.'}
        """;
    String yaml =
        deployment(1, 0, "[]")
            + pod("x1", null, "Pending", "False", pending)
                .replace("  conditions:\n  - {type: Ready, status: \"False\"}\n  ", "  ")
            + node(
                "gpu-1", "True", "KubeletReady", "{key: dedicated, value: gpu, effect: NoSchedule}")
            + node(
                "gpu-2", "True", "KubeletReady", "{key: dedicated, value: gpu, effect: NoSchedule}")
            + node(
                "worker-9",
                "Unknown",
                "NodeStatusUnknown",
                "{key: node.kubernetes.io/unreachable, effect: NoSchedule}");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.headline())
        .contains("cannot be scheduled", "dedicated=gpu:NoSchedule")
        .doesNotContain("worker-9 is");
    assertThat(d.failures()).noneMatch(f -> f.subject().equals("node worker-9"));
  }

  @Test
  void an_oom_kill_is_the_cause_of_the_crash_loop_not_the_crash_loop_itself() {
    String oom =
        """
        containerStatuses:
          - name: catalog
            ready: false
            restartCount: 6
            state: {waiting: {reason: CrashLoopBackOff, message: back-off 5m0s restarting failed container}}
            lastState: {terminated: {reason: OOMKilled, exitCode: 137, startedAt: "2026-01-01T11:57:00Z", finishedAt: "2026-01-01T11:58:00Z"}}
        """;
    String yaml =
        deployment(1, 0, "[]")
            + pod("a1", "worker-1", "Running", "False", oom)
            + node("worker-1", "True", "KubeletReady", "");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.cause().orElseThrow().reason()).isEqualTo("OOMKilled");
    assertThat(d.failures()).noneMatch(f -> f.analyzer().equals("CrashLoopBackOff"));
  }

  @Test
  void zero_of_two_ready_is_never_healthy_even_when_no_analyzer_says_why() {
    String yaml = deployment(2, 0, "[]");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.verdict()).isEqualTo(Diagnosis.Verdict.BROKEN);
    assertThat(d.headline()).contains("0/2 ready").doesNotContain("healthy");
  }

  @Test
  void a_workload_that_restarted_hours_ago_and_runs_now_has_recovered_and_says_how_it_ended() {
    String restarted =
        """
        containerStatuses:
          - name: catalog
            ready: true
            restartCount: 2
            state: {running: {startedAt: "2026-01-01T07:00:00Z"}}
            lastState: {terminated: {reason: OOMKilled, exitCode: 137, startedAt: "2026-01-01T05:00:00Z", finishedAt: "2026-01-01T06:59:00Z"}}
        """;
    String yaml =
        deployment(1, 1, "[]")
            + pod("a1", "worker-1", "Running", "True", restarted)
            + node("worker-1", "True", "KubeletReady", "");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.verdict()).isEqualTo(Diagnosis.Verdict.RECOVERED);
    assertThat(d.headline())
        .startsWith("deployment shop/catalog has recovered (1/1 ready now)")
        .contains("restarted 2 times", "5h ago", "OOMKilled");
  }

  @Test
  void a_healthy_workload_is_called_healthy() {
    String running =
        """
        containerStatuses:
          - name: catalog
            ready: true
            restartCount: 0
            state: {running: {startedAt: "2026-01-01T07:00:00Z"}}
        """;
    String yaml =
        deployment(1, 1, "[]")
            + pod("a1", "worker-1", "Running", "True", running)
            + node("worker-1", "True", "KubeletReady", "");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.verdict()).isEqualTo(Diagnosis.Verdict.HEALTHY);
    assertThat(d.headline())
        .isEqualTo(
            "deployment shop/catalog looks healthy: 1/1 ready, no analyzer found a problem.");
  }

  @Test
  void pods_on_a_lost_node_put_the_node_behind_them() {
    String running =
        """
        containerStatuses:
          - name: catalog
            ready: true
            restartCount: 0
            state: {running: {startedAt: "2026-01-01T07:00:00Z"}}
        """;
    String yaml =
        deployment(1, 0, "[]")
            + pod("a1", "worker-4", "Running", "False", running)
            + node(
                "worker-4",
                "Unknown",
                "NodeStatusUnknown",
                "{key: node.kubernetes.io/unreachable, effect: NoExecute}");

    Diagnosis d = engine.rank(YamlFacts.facts(CATALOG, yaml), List.of());

    assertThat(d.headline())
        .startsWith("deployment shop/catalog is unavailable:")
        .contains("worker-4");
    assertThat(d.cause().orElseThrow().blames()).contains(ObjectRef.node("worker-4"));
    assertThat(d.deeper()).extracting(f -> f.subject()).containsExactly("node worker-4");
  }
}
