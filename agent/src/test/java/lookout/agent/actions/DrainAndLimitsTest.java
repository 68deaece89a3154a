package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.agent.sandbox.SandboxCluster;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.CleanupEvicted;
import lookout.approvals.DeletePod;
import lookout.approvals.NodeAction;
import lookout.approvals.PolicyException;
import lookout.approvals.RollbackWorkload;
import lookout.approvals.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the new actions show before anyone approves and where they stop: a drain honours a
 * PodDisruptionBudget through the Eviction API, and the policy's limits apply to what the dry run
 * saw (node labels, pods without a controller, pods with local data, clean-up size).
 */
class DrainAndLimitsTest {
  static final AtomicInteger N = new AtomicInteger();
  @TempDir static Path dir;
  static SandboxCluster sandbox;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void a_drain_a_budget_blocks_fails_naming_the_budget_and_leaves_the_pod() {
    String ns = create(OperationCases.node(false) + "---\n" + OperationCases.budget(0));
    Approvals approvals = approvals();
    ApprovalRequest r =
        approvals.request(
            new NodeAction("sandbox", ns + "-node", NodeAction.Op.DRAIN), "console:alice");
    approvals.decide(approvals.approveToken(r), "console:bob");

    ApprovalRequest done = approvals.execute(r.id());

    assertThat(r.dryRun())
        .isEqualTo(
            "cordon and evict 1 pod; 1 DaemonSet pod(s) stay; budgets would block "
                + ns
                + "/api-1 (PodDisruptionBudget api needs 2 healthy pods and has 2, allows 0"
                + " disruption(s)) now");
    assertThat(done.state()).isEqualTo(State.FAILED);
    assertThat(done.result())
        .contains("node " + ns + "-node cordoned; evicted 0 pods")
        .contains(
            "a PodDisruptionBudget blocked 1: "
                + ns
                + "/api-1 (PodDisruptionBudget api needs 2 healthy pods and has 2, allows 0"
                + " disruption(s)) — the node still runs it");
    assertThat(client.pods().inNamespace(ns).withName("api-1").get()).isNotNull();
    assertThat(client.nodes().withName(ns + "-node").get().getSpec().getUnschedulable()).isTrue();
  }

  @Test
  void an_eviction_the_budget_allows_uses_up_one_disruption() {
    String ns = create(OperationCases.node(false) + "---\n" + OperationCases.budget(1));
    Approvals approvals = approvals();
    ApprovalRequest r =
        approvals.request(
            new NodeAction("sandbox", ns + "-node", NodeAction.Op.DRAIN), "console:alice");
    approvals.decide(approvals.approveToken(r), "console:bob");

    assertThat(approvals.execute(r.id()).state()).isEqualTo(State.SUCCEEDED);
    PodDisruptionBudget after =
        client.policy().v1().podDisruptionBudget().inNamespace(ns).withName("api").get();
    assertThat(after.getStatus().getDisruptionsAllowed()).isZero();
    assertThat(after.getStatus().getDisruptedPods()).containsKey("api-1");
  }

  @Test
  void a_rollback_card_shows_image_and_revision_before_and_after() {
    String ns = create(OperationCases.WEB);

    ApprovalRequest r =
        approvals()
            .request(new RollbackWorkload("sandbox", ns, "Deployment", "web", 0), "console:alice");

    assertThat(r.dryRun())
        .isEqualTo("image shop/web:3.0 → shop/web:2.9; revision 3 → 2 (2 of its pods ready)");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("web")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .as("dry run only")
        .isEqualTo("shop/web:3.0");
  }

  @Test
  void a_rollback_to_a_revision_the_cluster_does_not_keep_is_refused_at_the_dry_run() {
    String ns = create(OperationCases.WEB);

    assertThatThrownBy(
            () ->
                approvals()
                    .request(
                        new RollbackWorkload("sandbox", ns, "Deployment", "web", 1),
                        "console:alice"))
        .hasMessageEndingWith("deployment " + ns + "/web has no revision 1 (kept: 3, 2)");
  }

  @Test
  void a_node_outside_the_rules_selector_is_refused() {
    String ns = create(OperationCases.node(false).replace("pool: general", "pool: gpu"));

    assertThatThrownBy(
            () ->
                approvals()
                    .request(
                        new NodeAction("sandbox", ns + "-node", NodeAction.Op.CORDON),
                        "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "node "
                + ns
                + "-node does not match the nodes this rule lets you cordon (pool=general)"
                + " (policy rule nodes, nodeSelector)");
  }

  @Test
  void a_pod_without_a_controller_is_not_deleted_unless_the_policy_allows() {
    String ns = create(OperationCases.POD.replaceAll("(?m)^  ownerReferences:.*\\n", ""));

    assertThatThrownBy(
            () -> approvals().request(new DeletePod("sandbox", ns, "web-old-x1"), "console:alice"))
        .hasMessage(
            "pod "
                + ns
                + "/web-old-x1 has no controller, so nothing would recreate it"
                + " (policy rule repairs, allowUnowned is false)");
  }

  @Test
  void a_drain_that_would_lose_emptydir_data_is_refused_unless_the_policy_allows() {
    String ns =
        create(
            OperationCases.node(false)
                .replace(
                    "spec: {nodeName: %ns-node, containers: [{name: api, image: \"shop/api:1\"}]}",
                    "spec: {nodeName: %ns-node, volumes: [{name: cache, emptyDir: {}}],"
                        + " containers: [{name: api, image: \"shop/api:1\"}]}"));

    assertThatThrownBy(
            () ->
                approvals()
                    .request(
                        new NodeAction("sandbox", ns + "-node", NodeAction.Op.DRAIN),
                        "console:alice"))
        .hasMessage(
            "pod "
                + ns
                + "/api-1 keeps data in emptyDir, which eviction deletes"
                + " (policy rule nodes, drainLocalData is false)");
  }

  @Test
  void a_clean_up_larger_than_max_pods_is_refused_and_the_card_counts_what_goes() {
    String ns = create(OperationCases.failedPods());

    assertThatThrownBy(
            () -> approvals().request(new CleanupEvicted("sandbox", ns, 3), "console:alice"))
        .hasMessage(
            "deleting up to 3 pods exceeds the limit of 2 in "
                + ns
                + " (policy rule repairs, maxPods)");
    assertThat(approvals().request(new CleanupEvicted("sandbox", ns, 2), "console:alice").dryRun())
        .isEqualTo("delete 2 of 3 Failed pods in " + ns + " (2 Evicted), oldest first");
    assertThat(client.pods().inNamespace(ns).list().getItems()).hasSize(4);
  }

  private static String create(String yaml) {
    String ns = "limits-" + N.incrementAndGet();
    new OperationCase("x", yaml, a -> null, (c, n) -> {}, (c, n) -> {}, "").create(client, ns);
    return ns;
  }

  private static Approvals approvals() {
    return OperationFixture.approvals(dir, OperationFixture.executor(client));
  }

  static List<String> names(List<? extends io.fabric8.kubernetes.api.model.HasMetadata> items) {
    return items.stream().map(i -> i.getMetadata().getName()).toList();
  }
}
