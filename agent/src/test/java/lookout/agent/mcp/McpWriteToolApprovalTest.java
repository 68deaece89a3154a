package lookout.agent.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import lookout.agent.actions.ActionRouter;
import lookout.agent.actions.KubernetesActionExecutor;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.Proposals;
import lookout.approvals.Action;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.ApprovalsSchema;
import lookout.approvals.ButtonTokens;
import lookout.approvals.Decision;
import lookout.approvals.McpToolCall;
import lookout.approvals.PolicyLoader;
import lookout.approvals.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A write tool of a real MCP server (kubernetes-mcp-server's {@code pods_delete}, the server not
 * declared read-only): the model's call only becomes a proposal; the request waits for an approver;
 * once approved, the call runs once through the MCP server with the exact arguments.
 */
class McpWriteToolApprovalTest {
  @TempDir static Path dir;
  static SandboxCluster sandbox;
  static McpConnection ops;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxCluster.start();
    KubernetesMcpServer k8s = KubernetesMcpServer.forCluster(sandbox.masterUrl(), dir);
    ops = new McpConnection(k8s.stdioWritable("ops", List.of("pods_delete"))).start();
    assertThat(ops.awaitFirstAttempt(Duration.ofSeconds(30))).as("%s", ops.down()).isTrue();
  }

  @AfterAll
  static void stop() {
    if (ops != null) {
      ops.close();
    }
    sandbox.close();
  }

  @Test
  void a_write_tool_call_is_only_proposed_and_runs_once_after_approval() {
    String pod = firstPod("staging");
    Proposals proposals = new Proposals();
    McpToolSource tools = new McpToolSource("sandbox", List.of(ops));

    String toModel =
        tools.execute(
            "ops__pods_delete", "{\"namespace\":\"staging\",\"name\":\"" + pod + "\"}", proposals);

    assertThat(toModel).startsWith("APPROVAL_REQUIRED").contains("nothing was executed");
    assertThat(podExists(pod)).as("never a direct call").isTrue();
    Action proposed = proposals.actions().get(0);
    assertThat(proposed).isInstanceOf(McpToolCall.class);
    assertThat(proposed.kind()).isEqualTo("mcp:ops/pods_delete");

    Approvals approvals = approvals();
    ApprovalRequest request = approvals.request(proposed, "console:alice");
    assertThat(request.state()).isEqualTo(State.PENDING);
    assertThat(request.dryRun()).contains("pods_delete on MCP server ops");
    assertThat(podExists(pod)).isTrue();

    Decision d = approvals.decide(approvals.approveToken(request), "console:bob");
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.APPROVED);
    ApprovalRequest done = approvals.execute(request.id());

    assertThat(done.state()).as(done.result()).isEqualTo(State.SUCCEEDED);
    assertThat(done.result()).startsWith("called ops/pods_delete");
    assertThat(podExists(pod)).isFalse();
    assertThat(approvals.execute(request.id()).state()).as("once").isEqualTo(State.SUCCEEDED);
  }

  private static Approvals approvals() {
    SQLiteDataSource db = new SQLiteDataSource();
    db.setUrl("jdbc:sqlite:" + dir.resolve("approvals.db"));
    ApprovalsSchema.migrate(db);
    return new Approvals(
        db,
        PolicyLoader.parse(
            """
            rules:
              - name: mcp pod deletes
                namespaces: ["*"]
                actions: ["mcp:ops/pods_delete"]
                approvers: [console:bob]
            """,
            "policy.yaml"),
        new ButtonTokens(
            "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        new ActionRouter(
            new KubernetesActionExecutor(Map.of("sandbox", sandbox.client())),
            new McpActionExecutor(Map.of("ops", ops))),
        Clock.systemUTC());
  }

  private static String firstPod(String namespace) {
    return sandbox
        .client()
        .pods()
        .inNamespace(namespace)
        .list()
        .getItems()
        .get(0)
        .getMetadata()
        .getName();
  }

  private static boolean podExists(String name) {
    return sandbox.client().pods().inNamespace("staging").withName(name).get() != null;
  }
}
