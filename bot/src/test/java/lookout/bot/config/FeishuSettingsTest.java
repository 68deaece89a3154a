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

class FeishuSettingsTest {
  static final String SECRET = "app-secret-0123456789abcdef";
  static final String KEY = "encrypt-key-9876543210";
  static final String TOKEN = "verification-token-5555";
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void feishu_is_off_unless_enabled() throws Exception {
    assertThat(load("server:\n  port: 1\n", Map.of()).feishu().enabled()).isFalse();
  }

  @Test
  void webhook_mode_takes_its_secrets_from_the_environment_and_never_prints_them()
      throws Exception {
    FeishuSettings feishu =
        load(
                "feishu:\n  enabled: true\n  appId: cli_a1b2c3d4\n  appSecret: ${FS_SECRET}\n",
                Map.of(
                    "FS_SECRET", SECRET,
                    "LOOKOUT_FEISHU_ENCRYPT_KEY", KEY,
                    "LOOKOUT_FEISHU_VERIFICATION_TOKEN", TOKEN))
            .feishu();

    assertThat(feishu.mode()).isEqualTo(FeishuSettings.Mode.WEBHOOK);
    assertThat(feishu.appSecret()).isEqualTo(SECRET);
    assertThat(feishu.encryptKey()).isEqualTo(KEY);
    assertThat(feishu.apiUrl()).isEqualTo("https://open.feishu.cn");
    assertThat(feishu.toString()).doesNotContain(SECRET).doesNotContain(KEY).doesNotContain(TOKEN);
  }

  @Test
  void long_connection_mode_needs_no_encrypt_key_and_lark_is_one_url_away() throws Exception {
    FeishuSettings feishu =
        load(
                "feishu: {enabled: true, mode: longConnection, appId: cli_a1b2c3d4, appSecret: "
                    + SECRET
                    + ", apiUrl: 'https://open.larksuite.com'}\n",
                Map.of())
            .feishu();

    assertThat(feishu.mode()).isEqualTo(FeishuSettings.Mode.LONGCONNECTION);
    assertThat(feishu.apiUrl()).isEqualTo("https://open.larksuite.com");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no app id | enabled: true, appSecret: " + SECRET + " | feishu.appId",
        "no secret | enabled: true, appId: cli_a1b2c3d4 | feishu.appSecret",
        "webhook without encrypt key | enabled: true, appId: cli_a1b2c3d4, appSecret: "
            + SECRET
            + ", verificationToken: "
            + TOKEN
            + " | feishu.encryptKey",
        "webhook without token | enabled: true, appId: cli_a1b2c3d4, appSecret: "
            + SECRET
            + ", encryptKey: "
            + KEY
            + " | feishu.verificationToken",
        "an unknown mode | enabled: true, mode: polling, appId: cli_a1b2c3d4, appSecret: "
            + SECRET
            + " | feishu.mode",
        "a bot id that is not an open_id | enabled: true, mode: longconnection, appId:"
            + " cli_a1b2c3d4, appSecret: "
            + SECRET
            + ", botOpenId: u123 | feishu.botOpenId",
        "an unknown key | enabled: false, webhook: x | feishu.webhook: unknown key",
      })
  void bad_feishu_settings_are_named_and_secrets_are_not_echoed(
      String name, String block, String named) {
    assertThatThrownBy(() -> load("feishu: {" + block + "}\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(named)
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(KEY)
        .hasMessageNotContaining(TOKEN);
  }
}
