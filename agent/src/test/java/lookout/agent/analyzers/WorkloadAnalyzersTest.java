package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rollouts, StatefulSets, DaemonSets, FailedCreate and replicas 0, from their own status. */
class WorkloadAnalyzersTest {
  static final ObjectRef CART = new ObjectRef("Deployment", "mall", "cart");

  static String replicaSet(String hash, int revision, String image, int replicas, int ready) {
    return """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: cart-%s
          namespace: mall
          annotations: {deployment.kubernetes.io/revision: "%d", deployment.kubernetes.io/desired-replicas: "3"}
          ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: cart, controller: true, uid: d1}]
        spec:
          replicas: %d
          selector: {matchLabels: {app: cart, pod-template-hash: %s}}
          template: {metadata: {labels: {app: cart}}, spec: {containers: [{name: cart, image: "%s"}]}}
        status: {replicas: %d, readyReplicas: %d}
        ---
        """
        .formatted(hash, revision, replicas, hash, image, replicas, ready);
  }

  static String cart(int replicas, String conditions) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: mall}
        spec:
          replicas: %d
          selector: {matchLabels: {app: cart}}
          template: {metadata: {labels: {app: cart}}, spec: {containers: [{name: cart, image: "registry.example.com/mall/cart:v1.8.3"}]}}
        status:
          conditions: %s
        ---
        """
        .formatted(replicas, conditions);
  }

  @Test
  void a_stuck_rollout_says_which_revision_is_stuck_and_which_still_serves() {
    String yaml =
        cart(
                3,
                "[{type: Progressing, status: 'False', reason: ProgressDeadlineExceeded, message: 'ReplicaSet \"cart-7f6d\" has timed out progressing.'}]")
            + replicaSet("7f6d", 12, "registry.example.com/mall/cart:v1.8.3-hotfx", 1, 0)
            + replicaSet("5c4b", 11, "registry.example.com/mall/cart:v1.8.2", 3, 3);

    var findings = new RolloutAnalyzer().analyze(YamlFacts.facts(CART, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.role()).isEqualTo(Finding.Role.SYMPTOM);
              assertThat(f.reason()).isEqualTo("ProgressDeadlineExceeded");
              assertThat(f.summary())
                  .isEqualTo(
                      "rollout to revision 12 (cart:v1.8.3-hotfx) is stuck"
                          + " (ProgressDeadlineExceeded): 0/3 new pods ready; revision 11"
                          + " (cart:v1.8.2) still serves 3 pods");
              assertThat(f.fixes().getFirst()).contains("kubectl rollout undo deployment/cart");
            });
  }

  @Test
  void a_finished_rollout_is_no_finding() {
    String yaml =
        cart(3, "[{type: Progressing, status: 'True', reason: NewReplicaSetAvailable}]")
            + replicaSet("7f6d", 12, "cart:v1.8.3", 3, 3)
            + replicaSet("5c4b", 11, "cart:v1.8.2", 0, 0);

    assertThat(new RolloutAnalyzer().analyze(YamlFacts.facts(CART, yaml))).isEmpty();
  }

  @Test
  void a_deployment_at_zero_replicas_offers_the_count_it_had() {
    String yaml = cart(0, "[]") + replicaSet("7f6d", 12, "cart:v1.8.3", 0, 0);

    var findings = new ScaledToZeroAnalyzer().analyze(YamlFacts.facts(CART, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo("is scaled to 0 replicas: no pod runs (it had 3 before)");
              assertThat(f.suggestions())
                  .containsExactly(
                      new lookout.approvals.ScaleWorkload("dev", "mall", "Deployment", "cart", 3));
            });
  }

  @Test
  void a_statefulset_names_the_ordinal_it_is_stuck_at() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: kafka, namespace: data}
        spec:
          replicas: 3
          selector: {matchLabels: {app: kafka}}
          template: {metadata: {labels: {app: kafka}}, spec: {containers: [{name: kafka, image: kafka:3.7}]}}
        status: {replicas: 2, readyReplicas: 1, currentRevision: kafka-5d, updateRevision: kafka-5d}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: kafka-0
          namespace: data
          ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: kafka, controller: true, uid: s1}]
        spec: {containers: [{name: kafka, image: kafka:3.7}]}
        status: {phase: Running, conditions: [{type: Ready, status: "True"}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: kafka-1
          namespace: data
          ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: kafka, controller: true, uid: s1}]
        spec: {containers: [{name: kafka, image: kafka:3.7}]}
        status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
        ---
        """;

    var findings =
        new StatefulSetAnalyzer()
            .analyze(YamlFacts.facts(new ObjectRef("StatefulSet", "data", "kafka"), yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "is stuck at ordinal 1 of 3: pod kafka-1 is not ready (Running), so pods"
                          + " kafka-2..2 wait for it; 1/3 ready");
              assertThat(f.affected()).containsExactly(ObjectRef.pod("data", "kafka-1"));
            });
  }

  @Test
  void a_replicaset_that_cannot_create_pods_names_the_quota_with_its_numbers() {
    String yaml =
        """
        apiVersion: v1
        kind: Event
        metadata: {name: api-7d9f.1, namespace: team-a}
        involvedObject: {kind: ReplicaSet, namespace: team-a, name: api-7d9f}
        reason: FailedCreate
        type: Warning
        count: 12
        lastTimestamp: "2026-01-01T11:59:00Z"
        message: 'Error creating: pods "api-7d9f-x2" is forbidden: exceeded quota: team-a-quota, requested: limits.memory=1Gi, used: limits.memory=7680Mi, limited: limits.memory=8Gi'
        ---
        """;

    var findings =
        new FailedCreateAnalyzer(CLOCK)
            .analyze(YamlFacts.facts(new ObjectRef("Deployment", "team-a", "api"), yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "cannot create pods: ResourceQuota team-a-quota is exhausted: limits.memory:"
                          + " requested 1Gi, used 7680Mi of 8Gi");
              assertThat(f.blames())
                  .containsExactly(new ObjectRef("ResourceQuota", "team-a", "team-a-quota"));
            });
  }
}
