package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.adapters.wecom.WecomAdapter;
import lookout.adapters.wecom.WecomCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code wecom:} block: any of the self-built app ({@code app}), the AI bot ({@code aibot}) and
 * named group robots ({@code robots}). Secrets (the app secret, callback tokens and
 * EncodingAESKeys, robot keys) are checked for presence and shape and never printed.
 *
 * @param apiUrl WeCom's API root; {@code https://qyapi.weixin.qq.com/} unless testing or proxying
 * @param robots robot name → webhook key; posts to channel {@code robot:<name>} go there
 */
public record WecomSettings(
    boolean enabled,
    String apiUrl,
    Optional<App> app,
    Optional<Aibot> aibot,
    Map<String, String> robots) {

  /** The self-built app: API credentials and its callback's token and EncodingAESKey. */
  public record App(
      String corpId, int agentId, String secret, String token, String encodingAesKey) {
    @Override
    public String toString() {
      return "App[corpId=" + corpId + ", agentId=" + agentId + ", secrets=***]";
    }
  }

  /** The AI bot's callback token and EncodingAESKey. */
  public record Aibot(String token, String encodingAesKey) {
    @Override
    public String toString() {
      return "Aibot[***]";
    }
  }

  private static final Logger log = LoggerFactory.getLogger(WecomSettings.class);
  static final Set<String> KEYS = Set.of("enabled", "apiUrl", "app", "aibot", "robots");
  static final Set<String> APP_KEYS =
      Set.of("corpId", "agentId", "secret", "token", "encodingAesKey", "approvers");
  static final Set<String> AIBOT_KEYS = Set.of("token", "encodingAesKey");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static WecomSettings disabled() {
    return new WecomSettings(
        false, WecomAdapter.DEFAULT_API_URL, Optional.empty(), Optional.empty(), Map.of());
  }

  static WecomSettings bind(ConfigTree t, ObjectNode root) {
    ObjectNode w = t.object(root, "wecom", "wecom", KEYS);
    boolean enabled = t.bool(w, "enabled", "wecom.enabled", false);
    String api = t.string(w, "apiUrl", "wecom.apiUrl").orElse(WecomAdapter.DEFAULT_API_URL);
    if (!ConfigTree.httpUrl(api)) {
      t.problem("wecom.apiUrl", api, "an http(s) URL such as " + WecomAdapter.DEFAULT_API_URL);
    }
    if (!enabled) {
      return disabled();
    }
    Optional<App> app =
        w.has("app")
            ? Optional.of(app(t, t.object(w, "app", "wecom.app", APP_KEYS)))
            : Optional.empty();
    Optional<Aibot> aibot = Optional.empty();
    if (w.has("aibot")) {
      ObjectNode b = t.object(w, "aibot", "wecom.aibot", AIBOT_KEYS);
      aibot =
          Optional.of(
              new Aibot(
                  token(t, b, "wecom.aibot.token"), aesKey(t, b, "wecom.aibot.encodingAesKey")));
    }
    Map<String, String> robots = robots(t, w);
    if (app.isEmpty() && aibot.isEmpty() && robots.isEmpty()) {
      t.problem("wecom", "enabled", "at least one of wecom.app, wecom.aibot or wecom.robots");
    }
    return new WecomSettings(true, api, app, aibot, robots);
  }

  private static App app(ConfigTree t, ObjectNode a) {
    String corpId = t.string(a, "corpId", "wecom.app.corpId").orElse("");
    if (!corpId.matches("[A-Za-z0-9]{6,64}")) {
      t.problem(
          "wecom.app.corpId", corpId, "the CorpID (My Company → Company Information), e.g. ww…");
    }
    int agentId = t.integer(a, "agentId", "wecom.app.agentId", 0, 0, Integer.MAX_VALUE);
    if (agentId == 0) {
      t.problem("wecom.app.agentId", "", "the app's AgentId (a number, App Management → the app)");
    }
    String secret = t.string(a, "secret", "wecom.app.secret").orElse("");
    if (secret.length() < 16) {
      t.problem("wecom.app.secret", secret, "the app's Secret (App Management → the app)");
    }
    if (a.has("approvers")) {
      t.list(a, "approvers", "wecom.app.approvers");
      // Deprecated, not refused: an old config must still start. Approvers live in one place.
      log.warn(
          "wecom.app.approvers is deprecated and ignored: approval cards go to the approvers the"
              + " policy's rule names (wecom:<UserID>, groups expanded); remove it from the config");
    }
    return new App(
        corpId,
        agentId,
        secret,
        token(t, a, "wecom.app.token"),
        aesKey(t, a, "wecom.app.encodingAesKey"));
  }

  private static Map<String, String> robots(ConfigTree t, ObjectNode w) {
    Map<String, String> robots = new LinkedHashMap<>();
    JsonNode r = w.get("robots");
    if (r == null || r.isNull()) {
      return robots;
    }
    if (!r.isObject()) {
      t.problem("wecom.robots", r, "a mapping of robot name to webhook key");
      return robots;
    }
    r.fieldNames()
        .forEachRemaining(
            name -> {
              String key = "wecom.robots." + name;
              if (!NAME.matcher(name).matches()) {
                t.problem(key, name, "a robot name of letters, digits, - or _");
              }
              String value = t.string(r, name, key).orElse("");
              if (value.length() < 16 || value.contains("/") || value.contains("?")) {
                t.problem(key, value, "the robot's webhook key (the key= part of its webhook URL)");
              }
              robots.put(name, value);
            });
    return Map.copyOf(robots);
  }

  private static String token(ConfigTree t, ObjectNode o, String key) {
    String token = t.string(o, "token", key).orElse("");
    if (!token.matches("[A-Za-z0-9]{1,32}")) {
      t.problem(key, token, "the callback Token (up to 32 letters and digits)");
    }
    return token;
  }

  private static String aesKey(ConfigTree t, ObjectNode o, String key) {
    String aes = t.string(o, "encodingAesKey", key).orElse("");
    try {
      WecomCrypto.aesKey(aes);
    } catch (IllegalArgumentException e) {
      t.problem(key, aes, "the callback EncodingAESKey: " + e.getMessage());
    }
    return aes;
  }

  @Override
  public String toString() {
    return "WecomSettings[enabled="
        + enabled
        + ", apiUrl="
        + apiUrl
        + ", app="
        + app
        + ", aibot="
        + aibot
        + ", robots="
        + robots.keySet()
        + "]";
  }
}
