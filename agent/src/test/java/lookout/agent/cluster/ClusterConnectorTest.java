package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConnectorTest {
  static SandboxCluster sandbox;
  @TempDir static Path dir;
  static Path kubeconfig;

  @BeforeAll
  static void start() throws IOException {
    sandbox = SandboxCluster.start();
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: other
        clusters:
        - name: sandbox
          cluster: {server: "%s"}
        - name: nowhere
          cluster: {server: "http://127.0.0.1:1"}
        users:
        - name: alice
          user: {token: not-a-secret}
        contexts:
        - name: sandbox
          context: {cluster: sandbox, user: alice, namespace: staging}
        - name: other
          context: {cluster: nowhere, user: alice}
        """
            .formatted(sandbox.masterUrl()));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void named_kubeconfig_context_reaches_its_server() {
    try (ClusterConnector connector = new ClusterConnector(dir, k -> null)) {
      KubernetesClient client =
          connector.connect(ClusterTarget.kubeconfig("lab", kubeconfig, "sandbox"));
      assertThat(client.getConfiguration().getNamespace()).isEqualTo("staging");
      assertThat(ClusterProbe.check(client, Duration.ofSeconds(3)))
          .isEqualTo(new ClusterProbe.Result(true, "v1.31.4"));
    }
  }

  @Test
  void current_context_is_used_when_none_is_named_and_unreachable_is_reported_quickly() {
    try (ClusterConnector connector = new ClusterConnector(dir, k -> null)) {
      KubernetesClient client =
          connector.connect(ClusterTarget.kubeconfig("lab", kubeconfig, null));
      long start = System.nanoTime();
      ClusterProbe.Result result = ClusterProbe.check(client, Duration.ofSeconds(2));
      assertThat(result.reachable()).isFalse();
      assertThat(result.detail()).contains("127.0.0.1:1");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void stray_kubeconfig_and_master_properties_are_never_picked_up() {
    Map<String, String> saved = Map.of();
    System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
    System.setProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, "http://127.0.0.1:2");
    try {
      ClusterConnector connector = new ClusterConnector(dir, k -> null);
      Config config = connector.configFor(ClusterTarget.kubeconfig("lab", kubeconfig, "sandbox"));
      assertThat(config.getMasterUrl()).startsWith(sandbox.masterUrl().replaceAll("/$", ""));
      assertThatThrownBy(() -> connector.connect(ClusterTarget.inCluster("in")))
          .isInstanceOf(ClusterAccessException.class)
          .hasMessageContaining("KUBERNETES_SERVICE_HOST is not set");
    } finally {
      System.clearProperty(Config.KUBERNETES_KUBECONFIG_FILE);
      System.clearProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY);
      assertThat(saved).isEmpty();
    }
  }

  @Test
  void missing_kubeconfig_file_is_named() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(
            () -> new ClusterConnector().connect(ClusterTarget.kubeconfig("prod-eu", missing, "x")))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining("cluster prod-eu")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void unknown_context_lists_the_contexts_there_are() {
    assertThatThrownBy(
            () ->
                new ClusterConnector()
                    .connect(ClusterTarget.kubeconfig("prod-eu", kubeconfig, "prod")))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining("no context 'prod'")
        .hasMessageContaining("sandbox, other");
  }

  @Test
  void garbage_kubeconfig_is_reported_as_invalid() throws IOException {
    Path garbage = dir.resolve("garbage.yaml");
    Files.writeString(garbage, "clusters: [ {");
    assertThatThrownBy(
            () -> new ClusterConnector().connect(ClusterTarget.kubeconfig("x", garbage, null)))
        .isInstanceOf(ClusterAccessException.class)
        .hasMessageContaining(garbage.toString());
  }

  @Test
  void in_cluster_config_comes_from_the_service_account_only() throws IOException {
    Path sa = Files.createDirectories(dir.resolve("sa"));
    Files.writeString(sa.resolve("token"), "token-1\n");
    Files.writeString(sa.resolve("ca.crt"), "not checked until a client is built");
    Files.writeString(sa.resolve("namespace"), "lookout");
    Map<String, String> env =
        Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443");
    Config config = new ClusterConnector(sa, env::get).configFor(ClusterTarget.inCluster("home"));
    assertThat(config.getMasterUrl()).startsWith("https://10.96.0.1:443");
    assertThat(config.getNamespace()).isEqualTo("lookout");
    assertThat(config.getOauthTokenProvider().getToken()).isEqualTo("token-1");
    assertThat(config.getCaCertFile()).isEqualTo(sa.resolve("ca.crt").toString());
  }

  @Test
  void kubeconfig_target_without_a_path_is_refused() {
    assertThatThrownBy(() -> new ClusterTarget("x", ClusterTarget.Mode.KUBECONFIG, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster x");
  }
}
