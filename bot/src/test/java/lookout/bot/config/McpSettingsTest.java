package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lookout.agent.mcp.McpServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpSettingsTest {
  static final String TOKEN = "a-token-of-at-least-thirty-two-chars!";
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void without_an_mcp_block_there_are_no_servers_and_no_endpoint() throws Exception {
    LookoutConfig c = load("server:\n  port: 1\n", Map.of());

    assertThat(c.mcpServers()).isEmpty();
    assertThat(c.mcpServer().enabled()).isFalse();
  }

  @Test
  void an_http_server_with_a_bearer_token_and_lookouts_own_endpoint_bind() throws Exception {
    LookoutConfig c =
        load(
            """
            mcp:
              servers:
                - name: grafana
                  url: https://grafana-mcp.internal/mcp
                  bearerToken: ${GRAFANA}
                  tools: ["query_*"]
              server:
                enabled: true
                tokens: {ide: "${IDE}"}
                approvalChannel: "slack:C0123OPS"
            """,
            Map.of("GRAFANA", "g-secret", "IDE", TOKEN));

    McpServerConfig grafana = c.mcpServers().get(0);
    assertThat(grafana.url()).contains(URI.create("https://grafana-mcp.internal/mcp"));
    assertThat(grafana.headers()).containsEntry("Authorization", "Bearer g-secret");
    assertThat(grafana.readOnly()).isFalse();
    assertThat(grafana.allows("query_range")).isTrue();
    assertThat(grafana.allows("delete_dashboard")).isFalse();
    assertThat(grafana.toString()).doesNotContain("g-secret");
    assertThat(c.mcpServer().tokens()).containsEntry("ide", TOKEN);
    assertThat(c.mcpServer().cardsTo().toString()).isEqualTo("slack:C0123OPS");
    assertThat(c.mcpServer().toString()).doesNotContain(TOKEN);
  }

  @Test
  void every_mistake_is_named_with_its_key_and_tokens_are_hidden() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    mcp:
                      servers:
                        - name: k8s
                          command: kubernetes-mcp-server
                          url: http://x/mcp
                        - name: k8s
                          command: other
                          tools: ["*"]
                      server:
                        enabled: true
                        tokens: {ide: short-secret}
                        approvalChannel: nowhere
                    """,
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("mcp.servers[0]: \"k8s\" — expected either command (stdio) or url")
        .hasMessageContaining("mcp.servers[0].tools")
        .hasMessageContaining("mcp.servers[1].name: \"k8s\" — expected a name no other server has")
        .hasMessageContaining("mcp.server.tokens.ide: (hidden) — expected at least 32 characters")
        .hasMessageContaining("mcp.server.approvalChannel: \"nowhere\"")
        .message()
        .doesNotContain("short-secret");
  }
}
