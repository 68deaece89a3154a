package lookout.agent.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configured MCP servers, each kept connected in the background. Start-up waits briefly for the
 * first connection attempts so the first question usually sees the tools; a slow or broken server
 * never blocks Lookout from starting.
 */
public final class McpServers implements AutoCloseable {
  private final Map<String, McpConnection> connections = new LinkedHashMap<>();

  private McpServers() {}

  /** Starts connecting to every server and waits at most {@code firstWait} for all first tries. */
  public static McpServers start(List<McpServerConfig> configs, Duration firstWait)
      throws InterruptedException {
    McpServers servers = new McpServers();
    for (McpServerConfig config : configs) {
      servers.connections.put(config.name(), new McpConnection(config).start());
    }
    long deadline = System.nanoTime() + firstWait.toNanos();
    for (McpConnection c : servers.connections.values()) {
      c.awaitFirstAttempt(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    return servers;
  }

  public Map<String, McpConnection> connections() {
    return Map.copyOf(connections);
  }

  /** The servers' tools for the LLM agent of {@code cluster}. */
  public McpToolSource tools(String cluster) {
    return new McpToolSource(cluster, List.copyOf(connections.values()));
  }

  /** The executor for approved calls of these servers' tools. */
  public McpActionExecutor executor() {
    return new McpActionExecutor(connections);
  }

  @Override
  public void close() {
    connections.values().forEach(McpConnection::close);
  }
}
