package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy for the actions beyond restart and scale: named kinds, nodes rules and limits. */
class OperationPolicyTest {
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob]
      rules:
        - name: worker nodes
          nodes: ["node-*"]
          actions: [cordon, uncordon, drain]
          nodeSelector: "role=worker,!gpu"
          approvers: ["group:sre"]
        - name: staging repairs
          namespaces: [staging]
          actions: [rollback, delete-pod, suspend, resume, rerun, cleanup-evicted]
          maxPods: 50
          approvers: ["group:sre"]
        - name: everything else
          namespaces: ["*"]
          approvers: ["group:sre"]
      """;
  final Policy policy = PolicyLoader.parse(POLICY, "policy.yaml");

  @Test
  void a_rule_without_actions_does_not_cover_the_new_kinds() {
    assertThatThrownBy(
            () ->
                policy.checkRequest(
                    new RollbackWorkload("sandbox", "prod", "Deployment", "checkout", 0),
                    "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "no policy rule covers rollback in namespace prod on cluster sandbox,"
                + " so nobody may request it");
    assertThat(policy.ruleFor(new RestartDeployment("sandbox", "prod", "checkout")).orElseThrow())
        .extracting(PolicyRule::label)
        .isEqualTo("everything else");
  }

  @Test
  void node_actions_are_covered_only_by_a_nodes_rule_naming_the_node() {
    assertThat(policy.checkRequest(drain("node-4"), "console:alice").label())
        .isEqualTo("worker nodes");
    assertThatThrownBy(() -> policy.checkRequest(drain("master-1"), "console:alice"))
        .hasMessage(
            "no policy rule covers drain in node master-1 on cluster sandbox,"
                + " so nobody may request it");
  }

  @Test
  void a_drain_of_a_node_outside_the_selector_is_refused_after_the_dry_run() {
    Observed gpuNode = new Observed(Map.of("role", "worker", "gpu", "a100"), List.of(), List.of());

    assertThatThrownBy(() -> policy.checkObserved(drain("node-4"), gpuNode))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "node node-4 does not match the nodes this rule lets you drain (role=worker,!gpu)"
                + " (policy rule worker nodes, nodeSelector)");
    policy.checkObserved(
        drain("node-4"), new Observed(Map.of("role", "worker"), List.of(), List.of()));
  }

  @Test
  void pods_without_a_controller_or_with_local_data_need_the_policy_to_say_so() {
    Observed risky =
        new Observed(Map.of("role", "worker"), List.of("staging/debug-shell"), List.of());
    Observed cache =
        new Observed(Map.of("role", "worker"), List.of(), List.of("prod/cache-0", "prod/cache-1"));

    assertThatThrownBy(() -> policy.checkObserved(drain("node-4"), risky))
        .hasMessage(
            "pod staging/debug-shell has no controller, so nothing would recreate it"
                + " (policy rule worker nodes, allowUnowned is false)");
    assertThatThrownBy(() -> policy.checkObserved(drain("node-4"), cache))
        .hasMessage(
            "pods prod/cache-0, prod/cache-1 keep data in emptyDir, which eviction deletes"
                + " (policy rule worker nodes, drainLocalData is false)");
  }

  @Test
  void a_clean_up_above_max_pods_is_refused() {
    assertThatThrownBy(
            () ->
                policy.checkRequest(new CleanupEvicted("sandbox", "staging", 100), "console:alice"))
        .hasMessage(
            "deleting up to 100 pods exceeds the limit of 50 in staging"
                + " (policy rule staging repairs, maxPods)");
    policy.checkRequest(new CleanupEvicted("sandbox", "staging", 50), "console:alice");
  }

  static Stream<String[]> mistakes() {
    return Stream.of(
        new String[] {
          "- {nodes: [\"*\"], namespaces: [x], actions: [drain], approvers: [\"*\"]}",
          "policy.yaml: rules[0]: has both nodes and namespaces"
        },
        new String[] {
          "- {nodes: [\"*\"], approvers: [\"*\"]}",
          "policy.yaml: rules[0]: missing key actions — a nodes rule must name its actions"
        },
        new String[] {
          "- {nodes: [\"*\"], actions: [drain, rollback], approvers: [\"*\"]}",
          "policy.yaml: rules[0].actions: \"rollback\" acts in a namespace"
        },
        new String[] {
          "- {namespaces: [\"*\"], actions: [cordon], approvers: [\"*\"]}",
          "policy.yaml: rules[0].actions: \"cordon\" acts on a node — put it in a rule with nodes"
        },
        new String[] {
          "- {nodes: [\"*\"], actions: [drain], nodeSelector: \"a=b,=c\", approvers: [\"*\"]}",
          "policy.yaml: rules[0].nodeSelector: \"=c\" is not a label requirement"
        },
        new String[] {
          "- {namespaces: [\"*\"], actions: [cleanup-evicted], maxPods: 0, approvers: [\"*\"]}",
          "policy.yaml: rules[0].maxPods: 0 is not allowed — expected a whole number from 1"
        });
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void mistakes_in_nodes_rules_and_limits_are_named(String rule, String message) {
    assertThatThrownBy(() -> PolicyLoader.parse("rules:\n  " + rule + "\n", "policy.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(message);
  }

  @Test
  void a_repair_rule_after_a_catch_all_for_restart_and_scale_can_still_match() {
    Policy p =
        PolicyLoader.parse(
            """
            rules:
              - {namespaces: ["*"], approvers: [slack:U1]}
              - {namespaces: [staging], actions: [rollback], approvers: [slack:U2]}
            """,
            "p.yaml");
    assertThat(p.ruleFor(new RollbackWorkload("c", "staging", "Deployment", "x", 0)))
        .hasValueSatisfying(r -> assertThat(r.label()).isEqualTo("rules[1]"));
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    rules:
                      - {namespaces: ["*"], actions: [rollback, drain], approvers: [slack:U1]}
                      - {namespaces: [staging], actions: [rollback], approvers: [slack:U2]}
                    """,
                    "p.yaml"))
        .hasMessageContaining("p.yaml: rules[0].actions: \"drain\" acts on a node")
        .hasMessageContaining(
            "p.yaml: rules[1]: can never match — rules[0] already covers every cluster,"
                + " namespace and action (first match wins)");
  }

  @Test
  void the_built_in_sandbox_policy_names_the_repairs() {
    Policy sandbox = Policy.sandboxDefault();
    assertThat(
            sandbox.ruleFor(
                new RollbackWorkload("sandbox", "staging", "Deployment", "checkout", 0)))
        .hasValueSatisfying(r -> assertThat(r.label()).isEqualTo("staging repairs"));
    assertThat(sandbox.ruleFor(new NodeAction("sandbox", "node-2", NodeAction.Op.DRAIN)))
        .hasValueSatisfying(r -> assertThat(r.requiredApprovals()).isEqualTo(2));
  }

  static Stream<Action> operations() {
    return Stream.of(
        new RollbackWorkload("c", "staging", "StatefulSet", "db", 3),
        new DeletePod("c", "staging", "checkout-7d-x"),
        new NodeAction("c", "node-4", NodeAction.Op.DRAIN),
        new NodeAction("c", "node-4", NodeAction.Op.UNCORDON),
        new CronJobSuspension("c", "staging", "backup", true),
        new CronJobSuspension("c", "staging", "backup", false),
        new RerunJob("c", "staging", "CronJob", "backup"),
        new CleanupEvicted("c", "staging", 40));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void every_operation_reads_back_from_its_json(Action action) {
    assertThat(ActionCodec.fromJson(ActionCodec.toJson(action))).isEqualTo(action);
  }

  private static NodeAction drain(String node) {
    return new NodeAction("sandbox", node, NodeAction.Op.DRAIN);
  }
}
