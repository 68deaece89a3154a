package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void no_config_file_means_the_sandbox_default() {
    LookoutConfig config =
        new ConfigLoader(Map.of())
            .load(null, new ConfigLoader.Overrides(dir.resolve("data"), null));

    assertThat(config.server().host()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.clusters())
        .singleElement()
        .satisfies(c -> assertThat(c.mode()).isEqualTo(LookoutConfig.Cluster.Mode.SANDBOX));
    assertThat(config.defaultCluster()).isEqualTo("sandbox");
    assertThat(config.console().enabled()).isTrue();
    assertThat(config.knowledge().bundled()).isTrue();
    assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
  }

  @Test
  void env_placeholders_and_overrides_apply() throws Exception {
    LookoutConfig config =
        load(
            "server:\n  port: ${PORT:-9000}\nconsole:\n  accessToken: ${TOKEN}\n",
            Map.of("TOKEN", "0123456789abcdef0123", "LOOKOUT_SERVER_HOST", "0.0.0.0"));

    assertThat(config.server().port()).isEqualTo(9000);
    assertThat(config.server().host()).isEqualTo("0.0.0.0");
    assertThat(config.console().accessToken()).contains("0123456789abcdef0123");
  }

  @Test
  void command_line_port_wins_over_file_and_environment() throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, "server:\n  port: 7000\n");
    LookoutConfig config =
        new ConfigLoader(Map.of("LOOKOUT_SERVER_PORT", "7001"))
            .load(file, new ConfigLoader.Overrides(null, 7002));

    assertThat(config.server().port()).isEqualTo(7002);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      server:\\n  port: eighty                     | server.port: "eighty" — expected an integer from 0 to 65535
      server:\\n  port: 70000                      | server.port: "70000" — expected an integer from 0 to 65535
      sever:\\n  port: 80                          | sever: unknown key
      server:\\n  host: 0.0.0.0                    | console.accessToken
      console:\\n  accessToken: short             | console.accessToken: (hidden) — expected at least 16 characters
      console:\\n  enabled: maybe                  | console.enabled: "maybe" — expected true or false
      approvals:\\n  expiryCheck: soon             | approvals.expiryCheck: "soon" — expected a positive duration
      approvals:\\n  policyFile: /nope/policy.yaml | approvals.policyFile: "/nope/policy.yaml" — expected an existing policy file
      clusters:\\n  - name: Prod\\n    sandbox: true | clusters[0].name: "Prod" — expected a lower-case name
      clusters:\\n  - name: a\\n    sandbox: true\\n    inCluster: true | clusters[0]: "a" — expected exactly one of
      clusters:\\n  - name: a\\n    kubeconfig: /nope | clusters[0].kubeconfig: "/nope" — expected an existing kubeconfig file
      clusters:\\n  - name: a\\n    sandbox: true\\ndefaultCluster: b | defaultCluster: "b" — expected the name of a configured cluster
      database:\\n  url: jdbc:mysql://x             | database.url: "jdbc:mysql://x" — expected a jdbc:sqlite:
      database:\\n  url: "jdbc:postgresql:"        | database.url: "jdbc:postgresql:" — expected a file (SQLite) or host and database name
      database:\\n  user: lookout                 | database.user: "lookout" — expected no value: user is only for jdbc:postgresql: URLs
      database:\\n  url: jdbc:x://h?password=s3cret | database.url: "jdbc:x://h?password=***" — expected
      database:\\n  pass: x                       | database.pass: unknown key
      server:\\n  port: ${MISSING}                | server.port: environment variable MISSING is not set
      server: [1, 2]                               | server: "[1,2]" — expected a mapping
      key: [unclosed                               | not valid YAML at line
      knowledge:\\n  runbookDirs: [/nope/runbooks] | knowledge.runbookDirs[0]: "/nope/runbooks" — expected an existing folder
      channels:\\n  - {channel: "slack:C1", cluster: prod} | channels[0].cluster: "prod" — expected the name of a configured cluster [sandbox]
      channels:\\n  - {channel: "C1", cluster: sandbox} | channels[0].channel: "C1" — expected a platform and its channel id
      channels:\\n  - {channel: "slack:C1", cluster: sandbox, team: x} | channels[0].team: unknown key
      clusterTimeout: 0s                           | clusterTimeout: "0s" — expected a positive duration
      alerts:\\n  clusterLabel: "k8s-cluster"     | alerts.clusterLabel: "k8s-cluster" — expected a Prometheus label name
      """)
  void invalid_config_names_key_value_and_expectation(String yaml, String expected) {
    assertThatThrownBy(() -> load(yaml.replace("\\n", "\n"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void postgres_url_with_user_and_password_from_the_environment() throws Exception {
    LookoutConfig config =
        load(
            "database:\n  url: jdbc:postgresql://db:5432/lookout\n",
            Map.of("LOOKOUT_DATABASE_USER", "lookout", "LOOKOUT_DATABASE_PASSWORD", "s3cret"));

    assertThat(config.database().url()).contains("jdbc:postgresql://db:5432/lookout");
    assertThat(config.database().user()).contains("lookout");
    assertThat(config.database().password()).contains("s3cret");
    assertThat(config.database().toString()).doesNotContain("s3cret");
  }

  @Test
  void channels_bind_to_clusters_and_the_cluster_timeout_is_read() throws Exception {
    LookoutConfig config =
        load(
            """
            clusters:
              - {name: prod-eu, sandbox: true}
              - {name: prod-us, sandbox: true}
            clusterTimeout: 2s
            channels:
              - {channel: "slack:C0123", cluster: prod-us}
              - {channel: "feishu:oc_ab12", cluster: prod-eu}
            """,
            Map.of());

    assertThat(config.channels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("slack:C0123", "prod-us", "feishu:oc_ab12", "prod-eu"));
    assertThat(config.clusterTimeout()).isEqualTo(java.time.Duration.ofSeconds(2));
  }

  @Test
  void every_problem_is_reported_at_once() {
    assertThatThrownBy(() -> load("server:\n  port: x\nconsole:\n  enabled: maybe\n", Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
  }

  @Test
  void missing_explicit_config_file_is_an_error() {
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of())
                    .load(dir.resolve("nope.yaml"), ConfigLoader.Overrides.none()))
        .hasMessageContaining("does not exist");
  }
}
