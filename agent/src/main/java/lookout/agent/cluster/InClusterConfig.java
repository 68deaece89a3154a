package lookout.agent.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * Builds a client config from the pod's service account: API server from {@code
 * KUBERNETES_SERVICE_HOST}/{@code _PORT}, CA and token from the mounted secret directory. The token
 * is re-read every minute because projected tokens rotate.
 */
final class InClusterConfig {
  static final Path DEFAULT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private InClusterConfig() {}

  static Config load(String cluster, Path dir, UnaryOperator<String> env) {
    String where = "cluster " + cluster + " (in-cluster)";
    String host = env.apply("KUBERNETES_SERVICE_HOST");
    String port = env.apply("KUBERNETES_SERVICE_PORT");
    if (host == null || host.isBlank()) {
      throw new ClusterAccessException(
          where + ": KUBERNETES_SERVICE_HOST is not set; is Lookout running in a pod?");
    }
    Path token = dir.resolve("token");
    Path ca = dir.resolve("ca.crt");
    String firstToken = read(where, token);
    if (!Files.isReadable(ca)) {
      throw new ClusterAccessException(where + ": cannot read CA certificate " + ca);
    }
    String hostPort =
        (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + (port == null || port.isBlank() ? "443" : port);
    Path nsFile = dir.resolve("namespace");
    String namespace = Files.isReadable(nsFile) ? read(where, nsFile) : "default";
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://" + hostPort)
            .withCaCertFile(ca.toString())
            .withNamespace(namespace)
            .build();
    config.setOauthTokenProvider(new RotatingToken(where, token, firstToken, Clock.systemUTC()));
    return ClientSettings.apply(config);
  }

  static String read(String where, Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new ClusterAccessException(where + ": cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The service account token, re-read from disk at most once a minute. */
  static final class RotatingToken implements OAuthTokenProvider {
    private static final Duration TTL = Duration.ofMinutes(1);
    private final String where;
    private final Path file;
    private final Clock clock;
    private String token;
    private Instant readAt;

    RotatingToken(String where, Path file, String token, Clock clock) {
      this.where = where;
      this.file = file;
      this.token = token;
      this.clock = clock;
      this.readAt = clock.instant();
    }

    @Override
    public synchronized String getToken() {
      if (Duration.between(readAt, clock.instant()).compareTo(TTL) >= 0) {
        try {
          token = read(where, file);
        } catch (ClusterAccessException e) {
          // keep the last good token; the API server will say 401 if it really expired
        }
        readAt = clock.instant();
      }
      return token;
    }
  }
}
