package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookout's {@code /mcp} driven by the official SDK's client, as an IDE agent would: tools listed,
 * {@code diagnose} answering like chat, a restart request that becomes a card in the approval
 * channel and runs only when an approver presses Approve, and bad input refused plainly.
 */
class McpServerTest {
  static final String TOKEN = "ide-token-0123456789abcdef0123456789";
  static final String OTHER = "bot-token-0123456789abcdef0123456789";
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob]
      rules:
        - name: system
          namespaces: [kube-system]
          requesters: []
          approvers: ["group:sre"]
        - name: everything else
          namespaces: ["*"]
          approvers: ["group:sre"]
          maxReplicas: 10
      """;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static LookoutServer lookout;
  static ConsoleClient chat;
  static KubernetesClient cluster;
  final List<McpSyncClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, POLICY);
    lookout =
        TestLookout.start(
            dir.resolve("data"),
            """
            approvals:
              policyFile: %s
            mcp:
              server:
                enabled: true
                tokens:
                  ide: %s
                  other: %s
                approvalChannel: "console:approvals"
                maxSessionsPerToken: 2
                maxRequestBytes: 4096
            """
                .formatted(policy, TOKEN, OTHER));
    chat = new ConsoleClient(lookout.port());
    cluster = lookout.lookout().cluster("sandbox");
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @AfterEach
  void closeClients() {
    clients.forEach(McpSyncClient::close);
  }

  McpSyncClient client(String token) {
    McpSyncClient client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + lookout.port())
                    .endpoint("/mcp")
                    .requestBuilder(
                        HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                    .build())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    clients.add(client);
    client.initialize();
    return client;
  }

  static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(McpSchema.CallToolRequest.builder(tool).arguments(args).build());
  }

  static String text(McpSchema.CallToolResult r) {
    return ((McpSchema.TextContent) r.content().get(0)).text();
  }

  @Test
  void the_tools_are_listed_and_diagnose_answers_like_chat() {
    McpSyncClient ide = client(TOKEN);

    assertThat(ide.listTools().tools())
        .extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrder(
            "diagnose",
            "problem_pods",
            "logs",
            "events",
            "search_knowledge",
            "audit",
            "request_restart",
            "request_scale",
            "get_request");
    McpSchema.CallToolResult answer =
        call(ide, "diagnose", Map.of("namespace", "staging", "name", "checkout"));

    assertThat(answer.isError()).isFalse();
    assertThat(text(answer)).contains("checkout");
    @SuppressWarnings("unchecked")
    Map<String, Object> structured = (Map<String, Object>) answer.structuredContent();
    assertThat(structured).containsKeys("summary", "sections", "suggestedActions", "degraded");
    assertThat(text(answer)).startsWith(String.valueOf(structured.get("summary")));
    assertThat(text(call(ide, "problem_pods", Map.of("namespace", "staging"))))
        .contains("checkout");
  }

  @Test
  void request_restart_posts_a_card_and_nothing_runs_until_a_chat_approver_approves()
      throws Exception {
    McpSyncClient ide = client(TOKEN);

    McpSchema.CallToolResult requested =
        call(ide, "request_restart", Map.of("namespace", "staging", "name", "checkout"));
    assertThat(requested.isError()).as(text(requested)).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) requested.structuredContent();
    String id = (String) r.get("id");
    assertThat(r).containsEntry("state", "PENDING").containsEntry("requester", "mcp:ide");

    JsonNode card =
        awaitCard(m -> summary(m).startsWith("Approval needed") && m.toString().contains(id));
    assertThat(card.toString()).contains("restart deployment staging/checkout", "mcp:ide");
    Thread.sleep(500);
    assertThat(restartedAt()).as("nothing ran before approval").isNull();
    assertThat(state(ide, id)).isEqualTo("PENDING");

    assertThat(chat.click("bob", card.path("id").asText(), button(card, "Approve")).status())
        .isEqualTo(200);

    Instant deadline = Instant.now().plusSeconds(20);
    while (!state(ide, id).equals("SUCCEEDED") && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    assertThat(state(ide, id)).isEqualTo("SUCCEEDED");
    assertThat(text(call(ide, "get_request", Map.of("id", id))))
        .contains("is SUCCEEDED: restarted");
    assertThat(restartedAt()).isNotNull();
  }

  @Test
  void the_policy_still_decides_what_an_mcp_client_may_request() {
    McpSchema.CallToolResult refused =
        call(
            client(TOKEN),
            "request_scale",
            Map.of("namespace", "staging", "name", "checkout", "replicas", 40));

    assertThat(refused.isError()).isTrue();
    assertThat(text(refused)).contains("REFUSED", "exceeds the limit of 10");
  }

  @Test
  void unknown_tools_and_bad_arguments_are_json_rpc_errors_naming_the_argument() {
    McpSyncClient ide = client(TOKEN);

    assertThatThrownBy(() -> call(ide, "delete_cluster", Map.of()))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("Unknown tool");
    assertThatThrownBy(
            () ->
                call(
                    ide,
                    "request_scale",
                    Map.of("namespace", "staging", "name", "checkout", "replicas", "five")))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("argument 'replicas' must be a whole number");
    assertThatThrownBy(() -> call(ide, "logs", Map.of("namespace", "staging")))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("missing argument 'pod'");
    assertThatThrownBy(() -> call(ide, "events", Map.of("namespace", "staging", "verbose", true)))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("unknown argument 'verbose'");
  }

  @Test
  void missing_or_wrong_tokens_get_401_and_oversized_bodies_413() throws Exception {
    assertThat(post(null, null, initialize()).statusCode()).isEqualTo(401);
    assertThat(post("wrong-" + TOKEN, null, initialize()).statusCode()).isEqualTo(401);
    assertThat(post(TOKEN, null, "{\"x\":\"" + "a".repeat(5_000) + "\"}").statusCode())
        .isEqualTo(413);
    assertThat(post(TOKEN, null, "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void a_client_holds_at_most_its_cap_of_sessions_and_the_least_recently_used_is_closed()
      throws Exception {
    String first =
        post(OTHER, null, initialize()).headers().firstValue("Mcp-Session-Id").orElseThrow();
    String second =
        post(OTHER, null, initialize()).headers().firstValue("Mcp-Session-Id").orElseThrow();
    String third =
        post(OTHER, null, initialize()).headers().firstValue("Mcp-Session-Id").orElseThrow();
    String list = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    assertThat(post(OTHER, first, list).statusCode()).as("closed to make room").isEqualTo(404);
    assertThat(post(OTHER, second, list).statusCode()).isEqualTo(200);
    assertThat(post(OTHER, third, list).statusCode()).isEqualTo(200);
    assertThat(post(TOKEN, third, list).statusCode()).as("another client's session").isEqualTo(404);
  }

  private static String initialize() {
    return """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
        "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
  }

  private static HttpResponse<String> post(String token, String session, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lookout.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String state(McpSyncClient c, String id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> s =
        (Map<String, Object>) call(c, "get_request", Map.of("id", id)).structuredContent();
    return (String) s.get("state");
  }

  private static String restartedAt() {
    var annotations =
        cluster
            .apps()
            .deployments()
            .inNamespace("staging")
            .withName("checkout")
            .get()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
  }

  private static JsonNode awaitCard(java.util.function.Predicate<JsonNode> match) throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    while (Instant.now().isBefore(deadline)) {
      JsonNode body =
          JSON.readTree(chat.get("/api/console/messages?channel=approvals&since=0").body());
      for (JsonNode m : body.path("messages")) {
        if (match.test(m)) {
          return m;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no matching card in console:approvals");
  }
}
