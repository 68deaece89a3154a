package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds the {@code channels} list: chat channels that talk about one cluster, so a question there
 * that names no cluster is about that one ({@code - {channel: "slack:C0123", cluster: prod-eu}}).
 */
final class ChannelConfigs {
  private static final Pattern CHANNEL = Pattern.compile("(console|slack|feishu|wecom):\\S+");

  private ChannelConfigs() {}

  /** Platform-qualified channel → cluster. */
  static Map<String, String> bind(ConfigTree t, ObjectNode root, Collection<String> clusters) {
    Map<String, String> out = new LinkedHashMap<>();
    List<JsonNode> nodes = t.list(root, "channels", "channels");
    for (int i = 0; i < nodes.size(); i++) {
      String key = "channels[" + i + "]";
      if (!nodes.get(i).isObject()) {
        t.problem(key, nodes.get(i), "a mapping with channel and cluster");
        continue;
      }
      ObjectNode n = (ObjectNode) nodes.get(i);
      t.checkKeys(n, key, Set.of("channel", "cluster"));
      String channel = t.string(n, "channel", key + ".channel").orElse("");
      String cluster = t.string(n, "cluster", key + ".cluster").orElse("");
      if (!CHANNEL.matcher(channel).matches()) {
        t.problem(
            key + ".channel",
            channel,
            "a platform and its channel id, like slack:C0123, feishu:oc_ab12, wecom:robot:ops or"
                + " console:lobby");
      } else if (out.containsKey(channel)) {
        t.problem(key + ".channel", channel, "a channel not listed twice");
      }
      if (!clusters.contains(cluster)) {
        t.problem(key + ".cluster", cluster, "the name of a configured cluster " + clusters);
      } else {
        out.put(channel, cluster);
      }
    }
    return out;
  }
}
