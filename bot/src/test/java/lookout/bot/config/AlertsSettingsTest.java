package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lookout.bot.alerts.AlertsSettings;
import lookout.bot.alerts.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsSettingsTest {
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void the_sandbox_posts_alerts_to_the_consoles_alerts_channel() throws Exception {
    AlertsSettings alerts = load("server:\n  port: 1\n", Map.of()).alerts();
    assertThat(alerts.enabled()).isTrue();
    assertThat(alerts.defaultTo()).containsExactly(new Destination("console", "alerts"));
    assertThat(alerts.authenticated()).isFalse();
  }

  @Test
  void routes_tokens_and_rates_are_read_and_the_token_never_printed() throws Exception {
    String token = "0123456789abcdef-secret";
    AlertsSettings alerts =
        load(
                """
                alerts:
                  token: ${ALERTS_TOKEN}
                  defaultTo: ['slack:C0DEFAULT']
                  routes:
                    - match: 'namespace=~prod-.*, severity=critical'
                      to: [slack:C0ONCALL, 'feishu:oc_1']
                      continue: true
                    - match: severity=none
                      drop: true
                  rateLimits: {wecom: 20/m, slack: 2/s}
                """,
                Map.of("ALERTS_TOKEN", token))
            .alerts();
    assertThat(alerts.token()).contains(token);
    assertThat(alerts.routes()).hasSize(2);
    assertThat(alerts.routes().get(0).to())
        .containsExactly(Destination.parse("slack:C0ONCALL"), Destination.parse("feishu:oc_1"));
    assertThat(alerts.routes().get(1).drop()).isTrue();
    assertThat(alerts.rateLimits()).containsEntry("slack", 2.0);
    assertThat(alerts.rateLimits().get("wecom")).isEqualTo(20.0 / 60);
    assertThat(alerts.toString()).doesNotContain(token);
  }

  @Test
  void every_mistake_is_reported_with_its_key() {
    assertThatThrownBy(
            () ->
                load(
                    """
                    alerts:
                      token: short
                      basicAuth: {username: am}
                      routes:
                        - match: 'namespace~prod'
                          to: [C0123]
                        - match: severity=critical
                      rateLimits: {slack: fast}
                    """,
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.token: (hidden) — expected at least 16 characters")
        .hasMessageContaining("alerts.basicAuth")
        .hasMessageContaining("alerts.routes[0].match")
        .hasMessageContaining("alerts.routes[0].to[0]: \"C0123\" — expected platform:channel")
        .hasMessageContaining("alerts.routes[1]")
        .hasMessageContaining("alerts.rateLimits.slack: \"fast\"");
  }
}
