package lookout.bot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.loki.LokiEndpoint;
import lookout.agent.mcp.McpServerConfig;
import lookout.agent.remote.HttpEndpoint;
import lookout.bot.alerts.AlertsSettings;
import lookout.bot.http.HttpLimits;
import lookout.bot.inspect.InspectionSettings;
import lookout.bot.mcp.McpServerSettings;

/**
 * The whole configuration, validated. Built by {@link ConfigLoader}; see the README's configuration
 * reference for every key.
 *
 * @param alertmanagers per cluster: where silences are made (no entry: no Silence buttons)
 * @param loki per cluster: where logs of gone pods are read and {@code loki_query} goes (no entry:
 *     neither)
 */
public record LookoutConfig(
    String source,
    Server server,
    Path dataDir,
    Database database,
    List<Cluster> clusters,
    String defaultCluster,
    Console console,
    Approvals approvals,
    Knowledge knowledge,
    SlackSettings slack,
    WecomSettings wecom,
    LlmSettings llm,
    PrometheusSettings prometheus,
    AlertsSettings alerts,
    List<InspectionSettings> inspections,
    FeishuSettings feishu,
    List<McpServerConfig> mcpServers,
    McpServerSettings mcpServer,
    Map<String, HttpEndpoint> alertmanagers,
    Map<String, LokiEndpoint> loki) {

  public LookoutConfig {
    alertmanagers = Map.copyOf(alertmanagers);
    loki = Map.copyOf(loki);
  }

  /** HTTP listener and how much any client may hold it ({@code server.idleTimeout} …). */
  public record Server(String host, int port, HttpLimits limits) {
    public Server(String host, int port) {
      this(host, port, HttpLimits.defaults());
    }

    public boolean loopback() {
      return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
    }
  }

  /**
   * {@code url} is a {@code jdbc:sqlite:} or {@code jdbc:postgresql:} URL; empty means the SQLite
   * file {@code lookout.db} under the data dir. {@code user} and {@code password} are for
   * PostgreSQL only. {@code leaderLease}: how long a replica holds the leader lease for timers.
   */
  public record Database(
      Optional<String> url,
      Optional<String> user,
      Optional<String> password,
      Duration leaderLease) {
    @Override
    public String toString() {
      return "Database[url="
          + url
          + ", user="
          + user
          + ", password="
          + password.map(p -> "***")
          + ", leaderLease="
          + leaderLease
          + "]";
    }
  }

  /**
   * A cluster by name: the built-in sandbox, a kubeconfig file + context, or the pod's service
   * account.
   */
  public record Cluster(
      String name, Mode mode, Optional<Path> kubeconfig, Optional<String> context) {
    public enum Mode {
      SANDBOX,
      KUBECONFIG,
      IN_CLUSTER
    }
  }

  /** The embedded web chat. {@code accessToken} is required when the server is not on loopback. */
  public record Console(boolean enabled, Optional<String> accessToken) {}

  /**
   * @param policyFile the approval policy; empty = the sandbox default policy
   * @param signingKey the HMAC key for buttons; empty = generated once and kept in the data dir
   * @param expiryCheck how often pending requests are checked for expiry
   * @param impersonate run approved Kubernetes actions as the approver (the policy's {@code
   *     identities}), not as Lookout's own service account
   */
  public record Approvals(
      Optional<Path> policyFile,
      Optional<String> signingKey,
      Duration expiryCheck,
      boolean impersonate) {}

  /**
   * @param runbookDirs folders of Markdown runbooks; {@code bundled} adds the shipped samples
   */
  public record Knowledge(boolean bundled, List<Path> runbookDirs, boolean semantic) {}

  public Cluster cluster(String name) {
    return clusters.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster named " + name));
  }
}
