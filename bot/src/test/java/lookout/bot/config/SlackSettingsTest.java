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

class SlackSettingsTest {
  static final String BOT = "xoxb-1111-2222-abcdefghijkl";
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void slack_is_off_unless_enabled() throws Exception {
    assertThat(load("server:\n  port: 1\n", Map.of()).slack().enabled()).isFalse();
  }

  @Test
  void http_mode_takes_the_bot_token_and_signing_secret_from_the_environment() throws Exception {
    SlackSettings slack =
        load(
                "slack:\n  enabled: true\n  botToken: ${SLACK_BOT}\n",
                Map.of("SLACK_BOT", BOT, "LOOKOUT_SLACK_SIGNING_SECRET", SECRET))
            .slack();

    assertThat(slack.mode()).isEqualTo(SlackSettings.Mode.HTTP);
    assertThat(slack.botToken()).isEqualTo(BOT);
    assertThat(slack.signingSecret()).isEqualTo(SECRET);
    assertThat(slack.apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(slack.toString()).doesNotContain(BOT).doesNotContain(SECRET);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no bot token | enabled: true, signingSecret: " + SECRET + " | slack.botToken",
        "a user token | enabled: true, botToken: xoxp-1111-2222-abcdefghijkl, signingSecret: "
            + SECRET
            + " | slack.botToken",
        "no secret in http mode | enabled: true, botToken: " + BOT + " | slack.signingSecret",
        "socket mode without app token | enabled: true, mode: socket, botToken: "
            + BOT
            + " | slack.appToken",
        "an unknown mode | enabled: true, mode: rtm, botToken: "
            + BOT
            + ", signingSecret: "
            + SECRET
            + " | slack.mode",
        "a bad api url | enabled: false, apiUrl: slack.com | slack.apiUrl",
        "an unknown key | enabled: false, token: x | slack.token: unknown key",
      })
  void bad_slack_settings_are_named_and_secrets_are_not_echoed(
      String name, String block, String named) {
    assertThatThrownBy(() -> load("slack: {" + block + "}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(named)
        .hasMessageNotContaining("xoxp-1111")
        .hasMessageNotContaining(SECRET);
  }
}
