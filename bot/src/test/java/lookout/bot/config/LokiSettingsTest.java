package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import lookout.agent.loki.LokiEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code loki:} binds like {@code alertmanagers:}, plus the tenant. */
class LokiSettingsTest {
  @TempDir Path dir;

  private LookoutConfig load(String yaml) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(Map.of("LOKI_TOKEN", "tok-123"))
        .load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void an_entry_binds_url_tenant_token_and_timeout_for_its_cluster() throws Exception {
    LookoutConfig config =
        load(
            """
            loki:
              - url: http://loki-gateway.monitoring
                tenant: team-a
                bearerToken: ${LOKI_TOKEN}
                timeout: 3s
            """);

    LokiEndpoint loki = config.loki().get("sandbox");
    assertThat(loki.http().where()).isEqualTo("http://loki-gateway.monitoring");
    assertThat(loki.tenant()).contains("team-a");
    assertThat(loki.http().bearerToken()).contains("tok-123");
    assertThat(loki.http().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(loki.toString()).doesNotContain("tok-123");
  }

  @Test
  void without_a_tenant_none_is_sent_and_without_an_entry_there_is_no_loki() throws Exception {
    assertThat(load("loki:\n  - url: http://loki:3100\n").loki().get("sandbox").tenant())
        .isEqualTo(Optional.empty());
    assertThat(load("server:\n  port: 8080\n").loki()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      loki:\\n  - tenant: a                                  | loki[0].url: "" — expected the base URL, e.g. http://loki-gateway.monitoring
      loki:\\n  - url: loki:3100                             | loki[0].url: "loki:3100" — expected the base URL
      clusters:\\n  - name: a\\n    sandbox: true\\nloki:\\n  - url: http://l\\n    cluster: prod | loki[0].cluster: "prod" — expected the name of a configured cluster
      loki:\\n  - url: http://l\\n  - url: http://m          | loki[1].cluster: "sandbox" — expected one loki entry per cluster
      loki:\\n  - url: http://l\\n    orgId: a                | loki[0].orgId: unknown key
      loki:\\n  - url: http://l\\n    bearerToken: t\\n    basicAuth: {username: u, password: p} | loki[0].basicAuth: "" — expected either bearerToken or basicAuth, not both
      """)
  void bad_entries_name_the_key_and_what_was_expected(String yaml, String expected) {
    assertThatThrownBy(() -> load(yaml.replace("\\n", "\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(expected);
  }
}
