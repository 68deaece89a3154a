package lookout.bot.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code LOOKOUT_*} environment variables that override single config keys, written into the parsed
 * tree before binding so they are validated exactly like the file.
 */
final class EnvOverrides {
  /** Variable name → config key path, e.g. {@code LOOKOUT_SERVER_PORT} → {@code server.port}. */
  static final Map<String, String> VARIABLES = variables();

  private EnvOverrides() {}

  /**
   * {@code LOOKOUT_WECOM_ROBOT_<NAME>} sets the webhook key of group robot {@code <name>} (lower
   * case, {@code _} read as {@code -}): robot names are the operator's, so they cannot be listed.
   */
  static final String WECOM_ROBOT = "LOOKOUT_WECOM_ROBOT_";

  static void apply(ObjectNode root, Map<String, String> env) {
    env.forEach(
        (var, value) -> {
          if (var.startsWith(WECOM_ROBOT) && var.length() > WECOM_ROBOT.length()) {
            String name =
                var.substring(WECOM_ROBOT.length())
                    .toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
            root.withObjectProperty("wecom").withObjectProperty("robots").put(name, value);
          }
        });
    VARIABLES.forEach(
        (var, path) -> {
          String value = env.get(var);
          if (value == null) {
            return;
          }
          String[] parts = path.split("\\.");
          ObjectNode node = root;
          for (int i = 0; i < parts.length - 1; i++) {
            node = node.withObjectProperty(parts[i]);
          }
          if (path.equals("knowledge.runbookDirs")) {
            var array = node.putArray(parts[parts.length - 1]);
            for (String dir : value.split(",")) {
              if (!dir.isBlank()) {
                array.add(dir.strip());
              }
            }
          } else {
            node.put(parts[parts.length - 1], value);
          }
        });
  }

  private static Map<String, String> variables() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("LOOKOUT_SERVER_HOST", "server.host");
    m.put("LOOKOUT_SERVER_PORT", "server.port");
    m.put("LOOKOUT_DATA_DIR", "dataDir");
    m.put("LOOKOUT_DATABASE_URL", "database.url");
    m.put("LOOKOUT_DATABASE_USER", "database.user");
    m.put("LOOKOUT_DATABASE_PASSWORD", "database.password");
    m.put("LOOKOUT_DATABASE_LEADER_LEASE", "database.leaderLease");
    m.put("LOOKOUT_DEFAULT_CLUSTER", "defaultCluster");
    m.put("LOOKOUT_CONSOLE_ENABLED", "console.enabled");
    m.put("LOOKOUT_CONSOLE_ACCESS_TOKEN", "console.accessToken");
    m.put("LOOKOUT_APPROVALS_POLICY_FILE", "approvals.policyFile");
    m.put("LOOKOUT_APPROVALS_SIGNING_KEY", "approvals.signingKey");
    m.put("LOOKOUT_APPROVALS_EXPIRY_CHECK", "approvals.expiryCheck");
    m.put("LOOKOUT_APPROVALS_IMPERSONATE", "approvals.impersonate");
    m.put("LOOKOUT_KNOWLEDGE_BUNDLED", "knowledge.bundled");
    m.put("LOOKOUT_KNOWLEDGE_RUNBOOK_DIRS", "knowledge.runbookDirs");
    m.put("LOOKOUT_KNOWLEDGE_SEMANTIC", "knowledge.semantic");
    m.put("LOOKOUT_SLACK_ENABLED", "slack.enabled");
    m.put("LOOKOUT_SLACK_MODE", "slack.mode");
    m.put("LOOKOUT_SLACK_BOT_TOKEN", "slack.botToken");
    m.put("LOOKOUT_SLACK_SIGNING_SECRET", "slack.signingSecret");
    m.put("LOOKOUT_SLACK_APP_TOKEN", "slack.appToken");
    m.put("LOOKOUT_SLACK_API_URL", "slack.apiUrl");
    m.put("LOOKOUT_FEISHU_ENABLED", "feishu.enabled");
    m.put("LOOKOUT_FEISHU_MODE", "feishu.mode");
    m.put("LOOKOUT_FEISHU_APP_ID", "feishu.appId");
    m.put("LOOKOUT_FEISHU_APP_SECRET", "feishu.appSecret");
    m.put("LOOKOUT_FEISHU_ENCRYPT_KEY", "feishu.encryptKey");
    m.put("LOOKOUT_FEISHU_VERIFICATION_TOKEN", "feishu.verificationToken");
    m.put("LOOKOUT_FEISHU_BOT_OPEN_ID", "feishu.botOpenId");
    m.put("LOOKOUT_FEISHU_API_URL", "feishu.apiUrl");
    m.put("LOOKOUT_WECOM_ENABLED", "wecom.enabled");
    m.put("LOOKOUT_WECOM_API_URL", "wecom.apiUrl");
    m.put("LOOKOUT_WECOM_APP_CORP_ID", "wecom.app.corpId");
    m.put("LOOKOUT_WECOM_APP_AGENT_ID", "wecom.app.agentId");
    m.put("LOOKOUT_WECOM_APP_SECRET", "wecom.app.secret");
    m.put("LOOKOUT_WECOM_APP_TOKEN", "wecom.app.token");
    m.put("LOOKOUT_WECOM_APP_ENCODING_AES_KEY", "wecom.app.encodingAesKey");
    m.put("LOOKOUT_WECOM_AIBOT_TOKEN", "wecom.aibot.token");
    m.put("LOOKOUT_WECOM_AIBOT_ENCODING_AES_KEY", "wecom.aibot.encodingAesKey");
    return Map.copyOf(m);
  }
}
