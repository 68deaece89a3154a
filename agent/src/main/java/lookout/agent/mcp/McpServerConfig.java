package lookout.agent.mcp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lookout.approvals.Glob;

/**
 * One MCP server Lookout uses as a tool source: a program it starts and talks to over stdio ({@code
 * command}), or a Streamable HTTP endpoint ({@code url}).
 *
 * @param name how the policy ({@code mcp:<name>/<tool>}), the model ({@code <name>__<tool>}) and
 *     messages call it
 * @param command the program to start (stdio); empty for HTTP
 * @param args its arguments
 * @param env extra environment variables for it
 * @param url the Streamable HTTP endpoint; empty for stdio
 * @param headers sent with every HTTP request ({@code bearerToken} becomes {@code Authorization})
 * @param tools which of its tools Lookout may use: names or globs ({@code *}, {@code ?})
 * @param readOnly the operator's declaration that every allowed tool only reads; without it every
 *     call must be approved
 * @param timeout how long one call may take
 */
public record McpServerConfig(
    String name,
    Optional<String> command,
    List<String> args,
    Map<String, String> env,
    Optional<URI> url,
    Map<String, String> headers,
    List<String> tools,
    boolean readOnly,
    Duration timeout) {
  public McpServerConfig {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
    env = Map.copyOf(env);
    headers = Map.copyOf(headers);
    tools = List.copyOf(tools);
    if (command.isPresent() == url.isPresent()) {
      throw new IllegalArgumentException("MCP server " + name + ": give command or url, not both");
    }
  }

  /** True when {@code tool} is on the allowlist. */
  public boolean allows(String tool) {
    return tools.stream().anyMatch(pattern -> Glob.matches(pattern, tool));
  }

  /** Where it runs, for logs and messages (never the headers: they hold credentials). */
  public String where() {
    return command.map(c -> "stdio: " + c).orElseGet(() -> url.orElseThrow().toString());
  }

  @Override
  public String toString() {
    return "McpServerConfig["
        + name
        + ", "
        + where()
        + ", tools="
        + tools
        + ", readOnly="
        + readOnly
        + "]";
  }
}
