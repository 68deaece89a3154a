package lookout.agent.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured MCP server, kept connected: a virtual thread connects, lists the allowed tools,
 * pings while it is up, and reconnects with exponential backoff (1 s doubling to {@link
 * #MAX_BACKOFF}) when it goes down. While it is down it offers no tools and says why.
 */
public final class McpConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpConnection.class);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
  static final Duration PING_EVERY = Duration.ofSeconds(30);

  /** What the connection is now: up with its allowed tools, or down with the reason. */
  record State(McpSyncClient client, List<McpSchema.Tool> tools, String down) {
    boolean up() {
      return client != null;
    }
  }

  private final McpServerConfig config;
  private final Function<McpServerConfig, McpSyncClient> clients;
  private final Object lock = new Object();
  private volatile State state = new State(null, List.of(), "not connected yet");
  private volatile boolean closed;

  public McpConnection(McpServerConfig config) {
    this(config, McpClients::create);
  }

  McpConnection(McpServerConfig config, Function<McpServerConfig, McpSyncClient> clients) {
    this.config = config;
    this.clients = clients;
  }

  public McpServerConfig config() {
    return config;
  }

  /** Starts connecting in the background; returns at once. */
  public McpConnection start() {
    Thread.ofVirtual().name("mcp-" + config.name()).start(this::keepConnected);
    return this;
  }

  /**
   * Waits until the first connection attempt has ended (up or down), at most {@code wait}.
   *
   * @return true when the server is up
   */
  public boolean awaitFirstAttempt(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (lock) {
      while (state.down() != null && state.down().equals("not connected yet")) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
    }
    return state.up();
  }

  /** The allowed tools now; empty while down. */
  public List<McpSchema.Tool> tools() {
    return state.tools();
  }

  /** Why the server is unavailable, or empty when it is up. */
  public Optional<String> down() {
    State s = state;
    return s.up() ? Optional.empty() : Optional.of(s.down());
  }

  /**
   * Calls an allowed tool.
   *
   * @throws IllegalStateException when the server is down, the tool is not allowed, or the call
   *     failed in transport (the connection is then re-established in the background)
   * @throws McpError when the server answered with a JSON-RPC error
   */
  public McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
    if (!config.allows(tool)) {
      throw new IllegalStateException(
          "tool " + tool + " is not in the allowlist of MCP server " + config.name());
    }
    State s = state;
    if (!s.up()) {
      throw new IllegalStateException("MCP server " + config.name() + " is down: " + s.down());
    }
    try {
      return s.client()
          .callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    } catch (McpError e) {
      throw e;
    } catch (RuntimeException e) {
      lost(s, e);
      throw new IllegalStateException(
          "MCP server " + config.name() + " failed during " + tool + ": " + reason(e), e);
    }
  }

  private void keepConnected() {
    Duration backoff = Duration.ofSeconds(1);
    while (!closed) {
      State s = state;
      try {
        if (!s.up()) {
          connect();
          backoff = Duration.ofSeconds(1);
        } else {
          pause(PING_EVERY);
          if (!closed && state == s) {
            s.client().ping();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        lost(state, e);
        log.warn(
            "MCP server {} ({}) unavailable: {}; retrying in {} s",
            config.name(),
            config.where(),
            reason(e),
            backoff.toSeconds());
        try {
          pause(backoff);
        } catch (InterruptedException stop) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void connect() {
    McpSyncClient client = clients.apply(config);
    try {
      client.initialize();
      List<McpSchema.Tool> allowed = new ArrayList<>();
      String cursor = null;
      do {
        McpSchema.ListToolsResult page = client.listTools(cursor);
        page.tools().stream().filter(t -> config.allows(t.name())).forEach(allowed::add);
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty());
      if (closed) {
        client.close();
        return;
      }
      set(new State(client, List.copyOf(allowed), null));
      log.info(
          "MCP server {} ({}) connected: {} allowed tools {}",
          config.name(),
          config.where(),
          allowed.size(),
          allowed.stream().map(McpSchema.Tool::name).toList());
    } catch (RuntimeException e) {
      client.closeGracefully();
      throw e;
    }
  }

  private void lost(State seen, RuntimeException cause) {
    synchronized (lock) {
      if (state != seen && state.up()) {
        return; // someone reconnected meanwhile
      }
      set(new State(null, List.of(), reason(cause)));
    }
    if (seen.client() != null) {
      seen.client().close();
    }
  }

  /** Every change wakes the loop, so a connection lost during a call is re-made at once. */
  private void set(State next) {
    synchronized (lock) {
      state = next;
      lock.notifyAll();
    }
  }

  private void pause(Duration d) throws InterruptedException {
    synchronized (lock) {
      if (!closed) {
        lock.wait(d.toMillis());
      }
    }
  }

  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  @Override
  public void close() {
    closed = true;
    State s = state;
    set(new State(null, List.of(), "closed"));
    if (s.client() != null) {
      s.client().close();
    }
  }
}
