package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A pod waiting for a local volume names the node the volume lives on, and that node's state. */
class VolumeNodesTest {
  static final String YAML =
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: db-2, namespace: data}
      spec:
        containers: [{name: db, image: db:1}]
        volumes: [{name: data, persistentVolumeClaim: {claimName: data-db-2}}]
      status:
        phase: Pending
        conditions:
        - {type: PodScheduled, status: 'False', reason: Unschedulable, message: '0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) had volume node affinity conflict.'}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data-db-2, namespace: data}
      spec: {volumeName: local-pv-1, storageClassName: local}
      status: {phase: Bound}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: local-pv-1}
      spec:
        capacity: {storage: 100Gi}
        local: {path: /mnt/disks/a}
        nodeAffinity:
          required:
            nodeSelectorTerms:
            - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-4]}]
      ---
      apiVersion: v1
      kind: Node
      metadata: {name: worker-4}
      status:
        conditions:
        - {type: Ready, status: Unknown, reason: NodeStatusUnknown, message: Kubelet stopped posting node status.}
      ---
      """;

  @Test
  void the_conflict_names_the_volumes_node_and_that_it_is_not_ready() {
    ClusterFacts facts = YamlFacts.facts(ObjectRef.pod("data", "db-2"), YAML);

    List<Finding> findings = new PendingAnalyzer().analyze(facts);

    assertThat(findings).hasSize(1);
    assertThat(findings.getFirst().summary())
        .contains(
            "claim data-db-2 is bound to PersistentVolume local-pv-1, which lives on node"
                + " worker-4, which is NotReady (the kubelet stopped posting node status)");
    assertThat(findings.getFirst().blames()).contains(ObjectRef.node("worker-4"));
  }

  @Test
  void a_volume_on_a_node_that_is_not_found_says_so() {
    String gone = YAML.substring(0, YAML.indexOf("apiVersion: v1\nkind: Node"));
    ClusterFacts facts = YamlFacts.facts(ObjectRef.pod("data", "db-2"), gone);

    assertThat(new PendingAnalyzer().analyze(facts).getFirst().summary())
        .contains("lives on node worker-4, a node Lookout did not find");
  }
}
