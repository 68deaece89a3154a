package lookout.bot.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code slack:} block. When enabled, the bot token ({@code xoxb-}) is required, plus the
 * signing secret for {@code mode: http} (Events API) or the app-level token ({@code xapp-}) for
 * {@code mode: socket}. Secrets are validated for presence and plausible shape and never printed:
 * {@link #toString()} hides them, and problems about them never echo the value.
 *
 * @param apiUrl the Web API prefix; {@code https://slack.com/api/} unless testing or proxying
 */
public record SlackSettings(
    boolean enabled,
    Mode mode,
    String botToken,
    String signingSecret,
    String appToken,
    String apiUrl) {

  public enum Mode {
    HTTP,
    SOCKET
  }

  public static final String DEFAULT_API_URL = "https://slack.com/api/";
  static final Set<String> KEYS =
      Set.of("enabled", "mode", "botToken", "signingSecret", "appToken", "apiUrl");

  public static SlackSettings disabled() {
    return new SlackSettings(false, Mode.HTTP, null, null, null, DEFAULT_API_URL);
  }

  static SlackSettings bind(ConfigTree t, ObjectNode root) {
    ObjectNode s = t.object(root, "slack", "slack", KEYS);
    boolean enabled = t.bool(s, "enabled", "slack.enabled", false);
    String modeText = t.string(s, "mode", "slack.mode").orElse("http");
    Mode mode = Mode.HTTP;
    try {
      mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      t.problem("slack.mode", modeText, "http (Events API over HTTPS) or socket (Socket Mode)");
    }
    String bot = t.string(s, "botToken", "slack.botToken").orElse(null);
    String secret = t.string(s, "signingSecret", "slack.signingSecret").orElse(null);
    String app = t.string(s, "appToken", "slack.appToken").orElse(null);
    String api = t.string(s, "apiUrl", "slack.apiUrl").orElse(DEFAULT_API_URL);
    if (!ConfigTree.httpUrl(api)) {
      t.problem("slack.apiUrl", api, "an http(s) URL such as " + DEFAULT_API_URL);
    }
    if (!enabled) {
      return disabled();
    }
    if (bot == null || !bot.startsWith("xoxb-") || bot.length() < 20) {
      t.problem("slack.botToken", bot, "the app's bot token, starting with xoxb-");
    }
    if (mode == Mode.HTTP && (secret == null || secret.length() < 16)) {
      t.problem(
          "slack.signingSecret",
          secret,
          "the app's signing secret (Basic Information → App Credentials) for mode http");
    }
    if (mode == Mode.SOCKET && (app == null || !app.startsWith("xapp-") || app.length() < 20)) {
      t.problem("slack.appToken", app, "an app-level token starting with xapp- for mode socket");
    }
    return new SlackSettings(true, mode, bot, secret, app, api);
  }

  @Override
  public String toString() {
    return "SlackSettings[enabled="
        + enabled
        + ", mode="
        + mode
        + ", botToken="
        + hidden(botToken)
        + ", signingSecret="
        + hidden(signingSecret)
        + ", appToken="
        + hidden(appToken)
        + ", apiUrl="
        + apiUrl
        + "]";
  }

  private static String hidden(String secret) {
    return secret == null ? "none" : "***";
  }
}
