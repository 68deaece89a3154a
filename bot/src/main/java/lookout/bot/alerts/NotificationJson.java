package lookout.bot.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A {@link Notification} back in Alertmanager's webhook format (version 4), so the last one of a
 * group can be kept in the database and read again with {@link PayloadParser} when the root is
 * redrawn between notifications (someone acknowledged or silenced it).
 */
final class NotificationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationJson() {}

  static String write(Notification n) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "4");
    root.put("receiver", n.receiver());
    root.put("status", n.status());
    root.put("groupKey", n.groupKey());
    root.put("truncatedAlerts", n.truncatedAlerts());
    strings(root.putObject("groupLabels"), n.groupLabels());
    strings(root.putObject("commonLabels"), n.commonLabels());
    strings(root.putObject("commonAnnotations"), n.commonAnnotations());
    root.put("externalURL", n.externalUrl());
    ArrayNode alerts = root.putArray("alerts");
    for (Alert a : n.alerts()) {
      ObjectNode node = alerts.addObject();
      node.put("status", a.status());
      strings(node.putObject("labels"), a.labels());
      strings(node.putObject("annotations"), a.annotations());
      node.put("startsAt", a.startsAt().toString());
      if (a.endsAt() != null) {
        node.put("endsAt", a.endsAt().toString());
      }
      node.put("generatorURL", a.generatorUrl());
      node.put("fingerprint", a.fingerprint());
    }
    return root.toString();
  }

  static Notification read(String json) {
    return new PayloadParser().parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void strings(ObjectNode node, Map<String, String> values) {
    values.forEach(node::put);
  }
}
