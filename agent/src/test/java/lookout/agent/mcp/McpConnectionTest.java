package lookout.agent.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookout's MCP client against the real kubernetes-mcp-server reading the sandbox cluster. */
class McpConnectionTest {
  @TempDir static Path dir;
  static SandboxCluster sandbox;
  static KubernetesMcpServer k8s;

  @BeforeAll
  static void start() throws Exception {
    sandbox = SandboxCluster.start();
    k8s = KubernetesMcpServer.forCluster(sandbox.masterUrl(), dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (k8s != null) {
      k8s.close();
    }
    sandbox.close();
  }

  @Test
  void over_stdio_only_allowlisted_tools_are_offered_and_pods_are_read_from_the_cluster()
      throws Exception {
    try (McpConnection c = new McpConnection(k8s.stdio("k8s", true)).start()) {
      assertThat(c.awaitFirstAttempt(Duration.ofSeconds(30)))
          .as("connected: %s / %s", c.down(), k8s.log("stdio.log"))
          .isTrue();

      assertThat(c.tools()).extracting(McpSchema.Tool::name).contains("pods_list_in_namespace");
      assertThat(c.tools())
          .extracting(McpSchema.Tool::name)
          .allMatch(n -> c.config().allows(n))
          .doesNotContain("configuration_view", "nodes_top");
      McpSchema.CallToolResult pods =
          c.call("pods_list_in_namespace", Map.of("namespace", "staging"));
      assertThat(McpResults.text(pods)).contains("checkout");
    }
  }

  @Test
  void over_http_it_connects_and_when_the_server_goes_away_it_says_so() throws Exception {
    try (McpConnection c = new McpConnection(k8s.http("k8s-http")).start()) {
      assertThat(c.awaitFirstAttempt(Duration.ofSeconds(30)))
          .as("connected: %s / %s", c.down(), k8s.log("http.log"))
          .isTrue();
      assertThat(McpResults.text(c.call("namespaces_list", Map.of()))).contains("staging");

      k8s.stopHttp();
      try {
        c.call("namespaces_list", Map.of());
      } catch (IllegalStateException expected) {
        // the call that finds it gone fails plainly
      }

      assertThat(c.down()).isPresent();
      assertThat(c.tools()).isEmpty();
    }
  }
}
