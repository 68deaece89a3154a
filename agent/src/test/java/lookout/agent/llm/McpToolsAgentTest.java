package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.mcp.KubernetesMcpServer;
import lookout.agent.mcp.McpConnection;
import lookout.agent.mcp.McpServerConfig;
import lookout.agent.mcp.McpToolSource;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.AgentTools;
import lookout.agent.tools.Budget;
import lookout.approvals.McpToolCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM agent (a scripted model) calling tools of the real kubernetes-mcp-server, over stdio and
 * over HTTP: results reach the model redacted and within the tool budget; a tool of a server not
 * declared read-only only becomes a proposal; a server that is down is named in the answer.
 */
class McpToolsAgentTest {
  @TempDir static Path dir;
  static SandboxCluster sandbox;
  static KubernetesMcpServer k8s;
  static OfflineAgent offline;
  FakeOpenAi openAi;
  final List<McpConnection> connections = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxCluster.start();
    k8s = KubernetesMcpServer.forCluster(sandbox.masterUrl(), dir);
    offline =
        OfflineAgent.create(
            Map.of("sandbox", sandbox.client()),
            "sandbox",
            new RuleCommandParser(),
            Analyzers.all(),
            null);
  }

  @AfterAll
  static void stop() {
    if (k8s != null) {
      k8s.close();
    }
    sandbox.close();
  }

  @BeforeEach
  void model() throws Exception {
    openAi = new FakeOpenAi();
  }

  @AfterEach
  void close() {
    openAi.close();
    connections.forEach(McpConnection::close);
  }

  ModelAgent agentWith(McpServerConfig... servers) throws InterruptedException {
    for (McpServerConfig s : servers) {
      McpConnection c = new McpConnection(s).start();
      c.awaitFirstAttempt(Duration.ofSeconds(30));
      connections.add(c);
    }
    AgentTools tools =
        new AgentTools("sandbox", sandbox.client(), Analyzers.all(), null, null, Clock.systemUTC())
            .with(new McpToolSource("sandbox", connections));
    LlmOptions options = LlmOptions.defaults(openAi.baseUrl(), "sk-test", "gpt-test");
    return new ModelAgent(
        Models.openAiCompatible(options),
        options,
        tools,
        offline,
        new RuleCommandParser(),
        AgentMetrics.NONE,
        Clock.systemUTC());
  }

  @Test
  void over_stdio_an_mcp_tool_result_reaches_the_model_redacted_and_the_answer_names_the_call()
      throws Exception {
    String password = "Pw-" + java.util.UUID.randomUUID();
    leakyEvent("DB_PASSWORD=" + password);
    openAi
        .thenCalls(Map.entry("k8s__events_list", "{\"namespace\":\"payments\"}"))
        .thenAnswers(
            "checkout in staging is crash-looping; an event leaks DB_PASSWORD=" + password);

    Answer answer =
        agentWith(k8s.stdio("k8s", true))
            .ask(new Question("what happened in payments?", "console:alice"));

    String toModel = ModelAgentTest.toolResults(openAi.requests().get(1));
    assertThat(toModel)
        .contains("checkout")
        .contains("DB_PASSWORD=[REDACTED")
        .doesNotContain(password);
    assertThat(openAi.requests().get(1).toString()).contains("k8s__events_list", "read-only");
    assertThat(answer.summary()).doesNotContain(password);
    assertThat(answer.sections())
        .anySatisfy(s -> assertThat(s.lines()).anyMatch(l -> l.startsWith("k8s__events_list")));
  }

  @Test
  void over_http_a_large_mcp_result_is_cut_to_the_tool_budget() throws Exception {
    openAi
        .thenCalls(Map.entry("k8s__pods_list", "{}"))
        .thenAnswers("Several pods are failing across namespaces.");

    agentWith(k8s.http("k8s")).ask(new Question("which pods are broken?", "console:alice"));

    String toModel = ModelAgentTest.toolResults(openAi.requests().get(1));
    assertThat(toModel).contains("apiVersion: v1").contains("more lines cut");
    assertThat(toModel.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Budget.DEFAULT_BYTES + 200);
  }

  @Test
  void a_tool_of_a_server_not_declared_read_only_becomes_a_proposal_and_never_runs()
      throws Exception {
    openAi
        .thenCalls(Map.entry("ops__pods_list_in_namespace", "{\"namespace\":\"staging\"}"))
        .thenAnswers("I proposed listing the pods; it needs approval.");

    Answer answer =
        agentWith(k8s.stdio("ops", false))
            .ask(new Question("list the pods in staging", "console:alice"));

    assertThat(ModelAgentTest.toolResults(openAi.requests().get(1)))
        .contains("APPROVAL_REQUIRED", "nothing was executed")
        .doesNotContain("checkout-");
    assertThat(answer.suggestions())
        .containsExactly(
            new McpToolCall(
                "sandbox",
                "staging",
                "pods_list_in_namespace",
                "ops",
                "pods_list_in_namespace",
                "{\"namespace\":\"staging\"}"));
    assertThat(answer.requested()).isEmpty();
  }

  @Test
  void a_server_that_is_down_is_named_in_the_answer_and_its_tools_are_absent() throws Exception {
    McpServerConfig broken =
        new McpServerConfig(
            "grafana",
            java.util.Optional.of(dir.resolve("no-such-program").toString()),
            List.of(),
            Map.of(),
            java.util.Optional.empty(),
            Map.of(),
            List.of("*"),
            true,
            Duration.ofSeconds(5));
    openAi.thenCalls(Map.entry("tools", "{}")).thenAnswers("Nothing looks wrong in staging.");

    Answer answer = agentWith(broken).ask(new Question("is staging healthy?", "console:alice"));

    assertThat(openAi.requests()).hasSize(2);
    assertThat(openAi.requests().get(1).toString()).doesNotContain("grafana__");
    assertThat(ModelAgentTest.lastUserMessage(openAi.requests().get(0)))
        .contains("Unavailable now", "grafana");
    assertThat(answer.sections())
        .anySatisfy(
            s -> {
              assertThat(s.heading()).isEqualTo("Unavailable");
              assertThat(s.lines())
                  .singleElement()
                  .asString()
                  .startsWith("MCP server grafana is unavailable");
            });
  }

  private static void leakyEvent(String secret) {
    sandbox
        .client()
        .v1()
        .events()
        .inNamespace("payments")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("checkout-leak-" + System.nanoTime())
                .withNamespace("payments")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("Deployment")
                .withName("checkout")
                .withNamespace("payments")
                .endInvolvedObject()
                .withReason("BackOff")
                .withMessage("retrying with " + secret)
                .withType("Warning")
                .withLastTimestamp(Instant.now().toString())
                .withCount(1)
                .build())
        .create();
  }
}
