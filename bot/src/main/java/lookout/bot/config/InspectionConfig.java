package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.bot.inspect.CronSchedule;
import lookout.bot.inspect.InspectionSettings;

/** Binds and checks the {@code inspections:} list into {@link InspectionSettings}. */
final class InspectionConfig {
  private InspectionConfig() {}

  static final Set<String> KEYS =
      Set.of("name", "cluster", "namespace", "schedule", "timeZone", "post", "language");
  private static final Pattern POST = Pattern.compile("([a-z][a-z0-9-]*):(\\S.*)");

  static List<InspectionSettings> bind(ConfigTree t, ObjectNode root, Set<String> clusters) {
    List<InspectionSettings> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<JsonNode> nodes = t.list(root, "inspections", "inspections");
    for (int i = 0; i < nodes.size(); i++) {
      String key = "inspections[" + i + "]";
      if (!nodes.get(i).isObject()) {
        t.problem(key, nodes.get(i), "a mapping with schedule and post");
        continue;
      }
      ObjectNode n = (ObjectNode) nodes.get(i);
      t.checkKeys(n, key, KEYS);
      Optional<String> cluster = t.string(n, "cluster", key + ".cluster");
      cluster
          .filter(c -> !clusters.contains(c))
          .ifPresent(
              c -> t.problem(key + ".cluster", c, "one of the configured clusters " + clusters));
      Optional<String> namespace = t.string(n, "namespace", key + ".namespace");
      String cron = t.string(n, "schedule", key + ".schedule").orElse(null);
      CronSchedule schedule = null;
      try {
        schedule = CronSchedule.parse(cron);
      } catch (IllegalArgumentException e) {
        t.problem(
            key + ".schedule",
            cron,
            "a cron expression like \"0 9 * * 1-5\" (" + e.getMessage() + ")");
      }
      String zoneText = t.string(n, "timeZone", key + ".timeZone").orElse("UTC");
      ZoneId zone = ZoneId.of("UTC");
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException e) {
        t.problem(key + ".timeZone", zoneText, "a time zone id like Asia/Shanghai or UTC");
      }
      String post = t.string(n, "post", key + ".post").orElse("");
      Matcher m = POST.matcher(post);
      if (!m.matches()) {
        t.problem(key + ".post", post, "platform:channel, e.g. slack:C0123ABCD or console:#ops");
      }
      String name =
          t.string(n, "name", key + ".name")
              .orElse(
                  cluster.orElse("default")
                      + namespace.map(ns -> "/" + ns).orElse("")
                      + " "
                      + cron);
      String language = t.string(n, "language", key + ".language").orElse("en");
      if (!language.equals("en") && !language.equals("zh")) {
        t.problem(key + ".language", language, "en or zh");
      }
      if (!names.add(name)) {
        t.problem(key + ".name", name, "a name no other inspection uses");
      }
      if (schedule != null && m.matches()) {
        out.add(
            new InspectionSettings(
                name, cluster, namespace, schedule, zone, m.group(1), m.group(2), language));
      }
    }
    return out;
  }
}
