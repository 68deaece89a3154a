package lookout.bot.mcp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import lookout.bot.alerts.Destination;

/**
 * Lookout as an MCP server at {@code /mcp} ({@code mcp.server}). Off by default.
 *
 * @param tokens client name → bearer token (≥ 32 characters); the client acts as {@code mcp:<name>}
 *     in the approval policy
 * @param approvalChannel where approval cards for MCP requests are posted; empty = the console's
 *     {@code approvals} channel
 * @param maxSessionsPerToken open sessions one token may hold; the least recently used idle one is
 *     closed to make room, else the new session is refused (429)
 * @param sessionIdle a session unused this long is closed
 * @param maxRequestBytes larger request bodies get 413
 */
public record McpServerSettings(
    boolean enabled,
    Map<String, String> tokens,
    Optional<Destination> approvalChannel,
    int maxSessionsPerToken,
    Duration sessionIdle,
    int maxRequestBytes) {
  public static final int MIN_TOKEN_LENGTH = 32;

  public McpServerSettings {
    tokens = Map.copyOf(tokens);
    Objects.requireNonNull(approvalChannel, "approvalChannel");
    Objects.requireNonNull(sessionIdle, "sessionIdle");
  }

  public static McpServerSettings off() {
    return new McpServerSettings(
        false, Map.of(), Optional.empty(), 4, Duration.ofMinutes(10), 256 * 1024);
  }

  /** Where cards go: the configured channel or the console's {@code approvals} channel. */
  public Destination cardsTo() {
    return approvalChannel.orElse(new Destination("console", "approvals"));
  }

  @Override
  public String toString() {
    return "McpServerSettings[enabled="
        + enabled
        + ", clients="
        + tokens.keySet()
        + ", approvalChannel="
        + approvalChannel
        + ", maxSessionsPerToken="
        + maxSessionsPerToken
        + ", sessionIdle="
        + sessionIdle
        + "]";
  }
}
