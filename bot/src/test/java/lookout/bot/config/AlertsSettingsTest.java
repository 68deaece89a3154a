package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lookout.bot.alerts.AlertsSettings;
import lookout.bot.alerts.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
  void routes_and_tokens_are_read_the_token_never_printed_and_old_rate_limits_only_warn()
      throws Exception {
    String token = "0123456789abcdef-secret";
    Logger config = (Logger) LoggerFactory.getLogger("lookout.bot.config.AlertsConfig");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    config.addAppender(logged);
    AlertsSettings alerts;
    try {
      alerts =
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
    } finally {
      config.detachAppender(logged);
    }
    assertThat(alerts.token()).contains(token);
    assertThat(alerts.routes()).hasSize(2);
    assertThat(alerts.routes().get(0).to())
        .containsExactly(Destination.parse("slack:C0ONCALL"), Destination.parse("feishu:oc_1"));
    assertThat(alerts.routes().get(1).drop()).isTrue();
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).startsWith("alerts.rateLimits is deprecated and ignored"));
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
                    """,
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alerts.token: (hidden) — expected at least 16 characters")
        .hasMessageContaining("alerts.basicAuth")
        .hasMessageContaining("alerts.routes[0].match")
        .hasMessageContaining("alerts.routes[0].to[0]: \"C0123\" — expected platform:channel")
        .hasMessageContaining("alerts.routes[1]");
  }
}
