package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls of MCP write tools go through the same policy, request and audit path as a restart. */
class McpToolCallPolicyTest {
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob]
      rules:
        - name: mcp deletes
          namespaces: ["*"]
          actions: ["mcp:k8s/pods_delete"]
          approvers: ["group:sre"]
        - name: everything else
          namespaces: ["*"]
          approvers: ["group:sre"]
      """;
  static final McpToolCall DELETE =
      new McpToolCall(
          "sandbox",
          "staging",
          "web-1",
          "k8s",
          "pods_delete",
          "{\"namespace\":\"staging\",\"name\":\"web-1\"}");

  @TempDir Path dir;

  @Test
  void an_mcp_tool_call_is_covered_only_by_a_rule_that_names_it() {
    Fixture f = new Fixture(dir, POLICY);
    McpToolCall other =
        new McpToolCall("sandbox", McpToolCall.NO_NAMESPACE, "x", "k8s", "nodes_drain", "{}");

    assertThat(f.policy.ruleFor(DELETE).orElseThrow().label()).isEqualTo("mcp deletes");
    // "everything else" names no actions, so it covers restart and scale only
    assertThatThrownBy(() -> f.approvals.request(other, "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("no policy rule covers mcp:k8s/nodes_drain");
  }

  @Test
  void a_requested_mcp_call_waits_for_an_approver_and_runs_once_with_its_arguments() {
    Fixture f = new Fixture(dir, POLICY);

    ApprovalRequest request = f.approvals.request(DELETE, "mcp:ide-alice");
    assertThat(request.state()).isEqualTo(State.PENDING);
    assertThat(f.executor.calls()).isZero();

    Decision d = f.approvals.decide(f.approvals.approveToken(request), "console:bob");
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.APPROVED);
    ApprovalRequest done = f.approvals.execute(request.id());

    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(f.executor.actions()).containsExactly(DELETE);
    assertThat(f.approvals.find(request.id()).orElseThrow().action()).isEqualTo(DELETE);
  }

  @Test
  void mcp_patterns_in_a_policy_are_globs_and_typos_are_named() {
    Policy p =
        PolicyLoader.parse(
            """
            rules:
              - namespaces: ["*"]
                actions: ["mcp:*/pods_*"]
                approvers: [console:alice]
            """,
            "p.yaml");
    assertThat(p.ruleFor(DELETE)).isPresent();

    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    rules:
                      - namespaces: ["*"]
                        actions: ["mcp:k8s"]
                        approvers: [console:alice]
                    """,
                    "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("p.yaml: rules[0].actions[0]")
        .hasMessageContaining("mcp:<server>/<tool>");
  }

  @Test
  void a_proposal_token_carries_the_exact_call() {
    Fixture f = new Fixture(dir, POLICY);

    assertThat(f.approvals.readProposal(f.approvals.proposalToken(DELETE))).contains(DELETE);
  }

  @Test
  void oversized_or_malformed_calls_cannot_be_built() {
    assertThatThrownBy(
            () ->
                new McpToolCall("c", "-", "n", "k8s", "t", "{\"a\":\"" + "x".repeat(1_000) + "\"}"))
        .hasMessageContaining("at most 1000");
    assertThatThrownBy(() -> new McpToolCall("c", "-", "n", "k 8s", "t", "{}"))
        .hasMessageContaining("MCP server name \"k 8s\"");
  }
}
