package lookout.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.YamlFacts;
import org.junit.jupiter.api.Test;

/** A DaemonSet's failing pod is named with its node; a Deployment's is not. */
class PodNodesTest {
  final DiagnosisEngine engine =
      DiagnosisEngine.ranking(
          Analyzers.all(DiagnosisEngineTest.CLOCK, null), DiagnosisEngineTest.CLOCK);

  static String pod(String name, String owner, String node, String restarts) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: logging
          ownerReferences: [{apiVersion: apps/v1, kind: %s, name: agent, controller: true, uid: d1}]
        spec:
          nodeName: %s
          containers: [{name: agent, image: agent:1, resources: {limits: {memory: 128Mi}}}]
        status:
          phase: Running
          conditions: [{type: Ready, status: "False"}]
          containerStatuses:
          - name: agent
            ready: false
            restartCount: %s
            state: {waiting: {reason: CrashLoopBackOff, message: back-off}}
            lastState: {terminated: {reason: OOMKilled, exitCode: 137, finishedAt: "2026-01-01T11:58:00Z"}}
        ---
        """
        .formatted(name, owner, node, restarts);
  }

  @Test
  void a_daemonset_oom_kill_names_the_node_its_pod_runs_on() {
    ObjectRef ds = new ObjectRef("DaemonSet", "logging", "agent");

    Diagnosis d =
        engine.rank(YamlFacts.facts(ds, pod("agent-x1", "DaemonSet", "worker-7", "12")), List.of());

    assertThat(d.cause().orElseThrow().evidence())
        .contains("pod logging/agent-x1 runs on node worker-7");
  }

  @Test
  void a_deployment_pod_keeps_its_evidence_without_a_node_line() {
    ObjectRef deploy = new ObjectRef("Deployment", "logging", "agent");

    Diagnosis d =
        engine.rank(
            YamlFacts.facts(deploy, pod("agent-x1", "ReplicaSet", "worker-7", "12")), List.of());

    assertThat(d.cause().orElseThrow().evidence()).noneMatch(l -> l.contains("runs on node"));
  }
}
