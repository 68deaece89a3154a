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

class WecomSettingsTest {
  static final String AES = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  static final String SECRET = "app-secret-0123456789abcdef";
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void wecom_is_off_unless_enabled() throws Exception {
    assertThat(load("server:\n  port: 1\n", Map.of()).wecom().enabled()).isFalse();
  }

  @Test
  void every_wecom_secret_can_come_from_a_lookout_variable_like_slack_and_feishu()
      throws Exception {
    WecomSettings w =
        load(
                "wecom:\n  enabled: true\n",
                Map.of(
                    "LOOKOUT_WECOM_APP_CORP_ID", "ww12345678",
                    "LOOKOUT_WECOM_APP_AGENT_ID", "1000002",
                    "LOOKOUT_WECOM_APP_SECRET", SECRET,
                    "LOOKOUT_WECOM_APP_TOKEN", "tok1",
                    "LOOKOUT_WECOM_APP_ENCODING_AES_KEY", AES,
                    "LOOKOUT_WECOM_AIBOT_TOKEN", "tok2",
                    "LOOKOUT_WECOM_AIBOT_ENCODING_AES_KEY", AES,
                    "LOOKOUT_WECOM_ROBOT_OPS", "robot-key-ops-0123",
                    "LOOKOUT_WECOM_ROBOT_DB_TEAM", "robot-key-db-4567"))
            .wecom();

    assertThat(w.enabled()).isTrue();
    WecomSettings.App app = w.app().orElseThrow();
    assertThat(app.corpId()).isEqualTo("ww12345678");
    assertThat(app.agentId()).isEqualTo(1000002);
    assertThat(app.secret()).isEqualTo(SECRET);
    assertThat(app.token()).isEqualTo("tok1");
    assertThat(app.encodingAesKey()).isEqualTo(AES);
    assertThat(w.aibot().orElseThrow().token()).isEqualTo("tok2");
    assertThat(w.robots())
        .containsEntry("ops", "robot-key-ops-0123")
        .containsEntry("db-team", "robot-key-db-4567");
    assertThat(w.toString())
        .doesNotContain(SECRET)
        .doesNotContain("robot-key-ops-0123")
        .doesNotContain(AES);
  }

  @Test
  void the_app_aibot_and_robots_bind_with_secrets_from_the_environment_and_hidden()
      throws Exception {
    WecomSettings w =
        load(
                """
                wecom:
                  enabled: true
                  app: {corpId: ww12345678, agentId: 1000002, secret: "${WECOM_SECRET}",
                        token: tok1, encodingAesKey: %s, approvers: [bob, carol]}
                  aibot: {token: tok2, encodingAesKey: %s}
                  robots: {ops: "${OPS_KEY}"}
                """
                    .formatted(AES, AES),
                Map.of("WECOM_SECRET", SECRET, "OPS_KEY", "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
            .wecom();

    assertThat(w.app().orElseThrow().agentId()).isEqualTo(1000002);
    assertThat(w.app().orElseThrow().toString())
        .as("approvers come from the policy; the old key still loads")
        .doesNotContain("bob");
    assertThat(w.aibot()).isPresent();
    assertThat(w.robots()).containsKey("ops");
    assertThat(w.toString()).doesNotContain(SECRET).doesNotContain(AES).doesNotContain("693a91f6");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "nothing configured | {enabled: true} | at least one of wecom.app",
        "a short aes key | {enabled: true, aibot: {token: t, encodingAesKey: abc}} | wecom.aibot.encodingAesKey",
        "no agent id | {enabled: true, app: {corpId: ww12345678, secret: "
            + SECRET
            + ", token: t, encodingAesKey: "
            + AES
            + "}} | wecom.app.agentId",
        "a robot url instead of its key | {enabled: true, robots: {ops: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x'}} | wecom.robots.ops",
        "an unknown key | {enabled: true, bot: {}} | wecom.bot",
      })
  void bad_settings_are_refused_naming_the_key(String why, String block, String key) {
    assertThatThrownBy(() -> load("wecom: " + block + "\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key)
        .hasMessageNotContaining(SECRET);
  }
}
