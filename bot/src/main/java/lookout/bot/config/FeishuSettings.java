package lookout.bot.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code feishu:} block. When enabled, the app id ({@code cli_…}) and app secret are required,
 * plus, for {@code mode: webhook}, the Encrypt Key and verification token from the console's Events
 * &amp; Callbacks page ({@code mode: longconnection} needs neither). Secrets are never printed:
 * {@link #toString()} hides them, and problems about them never echo the value.
 *
 * @param botOpenId the bot's own open_id, to tell its @-mention from others'; optional
 * @param apiUrl the open API base; {@code https://open.feishu.cn} (Lark: {@code
 *     https://open.larksuite.com}) unless testing or proxying
 */
public record FeishuSettings(
    boolean enabled,
    Mode mode,
    String appId,
    String appSecret,
    String encryptKey,
    String verificationToken,
    String botOpenId,
    String apiUrl) {

  public enum Mode {
    WEBHOOK,
    LONGCONNECTION
  }

  public static final String DEFAULT_API_URL = "https://open.feishu.cn";
  static final Set<String> KEYS =
      Set.of(
          "enabled",
          "mode",
          "appId",
          "appSecret",
          "encryptKey",
          "verificationToken",
          "botOpenId",
          "apiUrl");

  public static FeishuSettings disabled() {
    return new FeishuSettings(false, Mode.WEBHOOK, null, null, null, null, null, DEFAULT_API_URL);
  }

  static FeishuSettings bind(ConfigTree t, ObjectNode root) {
    ObjectNode s = t.object(root, "feishu", "feishu", KEYS);
    boolean enabled = t.bool(s, "enabled", "feishu.enabled", false);
    String modeText = t.string(s, "mode", "feishu.mode").orElse("webhook");
    Mode mode = Mode.WEBHOOK;
    try {
      mode = Mode.valueOf(modeText.replace("-", "").replace("_", "").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      t.problem(
          "feishu.mode",
          modeText,
          "webhook (events POSTed to /feishu/events) or longconnection (the SDK's WebSocket)");
    }
    String appId = t.string(s, "appId", "feishu.appId").orElse(null);
    String secret = t.string(s, "appSecret", "feishu.appSecret").orElse(null);
    String encryptKey = t.string(s, "encryptKey", "feishu.encryptKey").orElse(null);
    String token = t.string(s, "verificationToken", "feishu.verificationToken").orElse(null);
    String botOpenId = t.string(s, "botOpenId", "feishu.botOpenId").orElse(null);
    String api = t.string(s, "apiUrl", "feishu.apiUrl").orElse(DEFAULT_API_URL);
    if (!ConfigTree.httpUrl(api)) {
      t.problem("feishu.apiUrl", api, "an http(s) URL such as " + DEFAULT_API_URL);
    }
    if (!enabled) {
      return disabled();
    }
    if (appId == null || !appId.startsWith("cli_") || appId.length() < 8) {
      t.problem("feishu.appId", appId, "the app's App ID, starting with cli_");
    }
    if (secret == null || secret.length() < 16) {
      t.problem(
          "feishu.appSecret", hidden(secret), "the app's App Secret (Credentials & Basic Info)");
    }
    if (mode == Mode.WEBHOOK && (encryptKey == null || encryptKey.isBlank())) {
      t.problem(
          "feishu.encryptKey",
          hidden(encryptKey),
          "the Encrypt Key (Events & Callbacks → Encryption Strategy) for mode webhook");
    }
    if (mode == Mode.WEBHOOK && (token == null || token.isBlank())) {
      t.problem(
          "feishu.verificationToken",
          hidden(token),
          "the Verification Token (Events & Callbacks → Encryption Strategy) for mode webhook");
    }
    if (botOpenId != null && !botOpenId.startsWith("ou_")) {
      t.problem("feishu.botOpenId", botOpenId, "the bot's open_id, starting with ou_");
    }
    return new FeishuSettings(true, mode, appId, secret, encryptKey, token, botOpenId, api);
  }

  @Override
  public String toString() {
    return "FeishuSettings[enabled="
        + enabled
        + ", mode="
        + mode
        + ", appId="
        + appId
        + ", appSecret="
        + hidden(appSecret)
        + ", encryptKey="
        + hidden(encryptKey)
        + ", verificationToken="
        + hidden(verificationToken)
        + ", botOpenId="
        + botOpenId
        + ", apiUrl="
        + apiUrl
        + "]";
  }

  private static String hidden(String secret) {
    return secret == null ? null : "***";
  }
}
