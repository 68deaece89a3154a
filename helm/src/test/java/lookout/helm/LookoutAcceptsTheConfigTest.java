package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lookout.approvals.Policy;
import lookout.approvals.PolicyLoader;
import lookout.bot.config.ConfigLoader;
import lookout.bot.config.LookoutConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookout.yaml and policy.yaml the chart renders are loaded by Lookout's own config loader and
 * policy parser, with the Secret's variables in the environment, as the pod would.
 */
class LookoutAcceptsTheConfigTest {
  @TempDir Path dir;

  @Test
  void the_production_config_and_policy_load() throws Exception {
    Chart.Rendered chart = Chart.production();
    Path policy = write(chart, "lookout-policy", "policy.yaml");
    String configText =
        chart.all("ConfigMap").stream()
            .filter(m -> m.at("/metadata/name").asText().equals("lookout"))
            .findFirst()
            .orElseThrow()
            .at("/data/lookout.yaml")
            .asText()
            // the pod mounts the policy and kubeconfigs there; here they are temp files
            .replace("/etc/lookout/policy/policy.yaml", policy.toString())
            .replace("/etc/lookout/kube/prod-us.yaml", kubeconfig().toString());
    Path config = Files.writeString(dir.resolve("lookout.yaml"), configText);

    LookoutConfig loaded =
        new ConfigLoader(
                Map.of(
                    "LOOKOUT_DATABASE_PASSWORD",
                    "pw-from-secret",
                    "LOOKOUT_APPROVALS_SIGNING_KEY",
                    "k".repeat(48),
                    "LOOKOUT_SLACK_BOT_TOKEN",
                    "xoxb-1111-2222-secretvalue",
                    "LOOKOUT_SLACK_SIGNING_SECRET",
                    "s".repeat(32)))
            .load(config, ConfigLoader.Overrides.none());

    assertThat(loaded.server().host()).isEqualTo("0.0.0.0");
    assertThat(loaded.server().port()).isEqualTo(8080);
    assertThat(loaded.dataDir()).isEqualTo(Path.of("/var/lib/lookout"));
    assertThat(loaded.database().url())
        .hasValue("jdbc:postgresql://postgres.databases.svc:5432/lookout");
    assertThat(loaded.database().password()).hasValue("pw-from-secret");
    assertThat(loaded.approvals().signingKey()).hasValue("k".repeat(48));
    assertThat(loaded.slack().enabled()).isTrue();
    assertThat(loaded.clusters())
        .extracting(LookoutConfig.Cluster::name, LookoutConfig.Cluster::mode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prod", LookoutConfig.Cluster.Mode.IN_CLUSTER),
            org.assertj.core.groups.Tuple.tuple("prod-us", LookoutConfig.Cluster.Mode.KUBECONFIG));
    Policy parsed = PolicyLoader.load(policy);
    assertThat(parsed).isNotNull();
  }

  @Test
  void the_default_config_loads() throws Exception {
    Chart.Rendered chart = Chart.defaults();
    Path policy = write(chart, "lookout-policy", "policy.yaml");
    String configText =
        chart.all("ConfigMap").stream()
            .filter(m -> m.at("/metadata/name").asText().equals("lookout"))
            .findFirst()
            .orElseThrow()
            .at("/data/lookout.yaml")
            .asText()
            .replace("/etc/lookout/policy/policy.yaml", policy.toString());

    LookoutConfig loaded =
        new ConfigLoader(Map.of())
            .load(
                Files.writeString(dir.resolve("lookout.yaml"), configText),
                ConfigLoader.Overrides.none());

    assertThat(loaded.console().enabled()).isFalse();
    assertThat(loaded.database().url()).isEmpty();
    assertThat(PolicyLoader.load(policy)).isNotNull();
  }

  private Path kubeconfig() throws Exception {
    return Files.writeString(
        dir.resolve("prod-us.yaml"),
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: prod-us
            cluster: {server: "https://prod-us.example.com:6443"}
        users:
          - name: lookout
            user: {token: not-a-real-token}
        contexts:
          - name: lookout
            context: {cluster: prod-us, user: lookout}
        current-context: lookout
        """);
  }

  private Path write(Chart.Rendered chart, String configMap, String key) throws Exception {
    JsonNode map =
        chart.all("ConfigMap").stream()
            .filter(m -> m.at("/metadata/name").asText().equals(configMap))
            .findFirst()
            .orElseThrow();
    return Files.writeString(dir.resolve(key), map.at("/data/" + key).asText());
  }
}
