package lookout.bot.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/** Renders a group's root message and its change replies as neutral {@link Message}s. */
final class AlertMessages {
  /** Labels worth showing on the root, in this order, when the group's alerts share them. */
  static final List<String> KEY_LABELS =
      List.of(
          "cluster",
          "namespace",
          "service",
          "deployment",
          "statefulset",
          "daemonset",
          "job_name",
          "pod",
          "container",
          "node",
          "instance",
          "job");

  static final int MAX_LISTED = 10;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private AlertMessages() {}

  static Message root(Notification n, GroupState g, Instant now) {
    Map<String, String> common = n.commonLabels();
    String names = String.join(", ", names(n));
    String where = where(common);
    long firing = n.alerts().stream().filter(Alert::firing).count();
    long resolved = n.alerts().size() - firing;
    String summary =
        g.resolved()
            ? "✅ RESOLVED: "
                + names
                + where
                + " — after "
                + Durations.human(Duration.between(g.startedAt(), g.resolvedAt()))
            : "🔥 FIRING (" + firing + "): " + names + where;
    List<Part> parts = new ArrayList<>();
    List<Part.Fact> facts = new ArrayList<>();
    facts.add(new Part.Fact("Status", g.resolved() ? "resolved" : "firing"));
    String severity = common.getOrDefault("severity", "");
    if (!severity.isEmpty()) {
      facts.add(new Part.Fact("Severity", severity));
    }
    facts.add(
        new Part.Fact(
            "Alerts",
            firing
                + " firing, "
                + resolved
                + " resolved"
                + (n.truncatedAlerts() > 0 ? ", " + n.truncatedAlerts() + " not sent" : "")));
    for (String key : KEY_LABELS) {
      if (common.containsKey(key)) {
        facts.add(new Part.Fact(key, common.get(key)));
      }
    }
    facts.add(new Part.Fact("Started", TIME.format(g.startedAt())));
    if (g.resolved()) {
      facts.add(new Part.Fact("Resolved", TIME.format(g.resolvedAt())));
    }
    parts.add(new Part.Facts(facts));
    n.commonAnnotations().entrySet().stream()
        .filter(e -> e.getKey().equals("summary") || e.getKey().equals("description"))
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
        .forEach(e -> parts.add(new Part.Section(null, e.getValue())));
    parts.add(new Part.Section("Alerts", alertLines(n.alerts(), common)));
    List<String> links = links(n);
    if (!links.isEmpty()) {
      parts.add(new Part.Section("Links", String.join("\n", links)));
    }
    parts.add(
        new Part.Note(
            "Notification "
                + g.notifications()
                + ", updated "
                + TIME.format(now)
                + " · one thread per alert group; this message is edited as it changes"));
    return new Message(summary, parts);
  }

  /** The reply for what changed since the last notification, or null when nothing did. */
  static Message changes(AlertChanges c) {
    if (c.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    c.newlyFiring().forEach(a -> lines.add("🔥 firing: " + describe(a)));
    c.newlyResolved().forEach(a -> lines.add("✅ resolved: " + a.name() + " " + a.summary()));
    List<String> counts = new ArrayList<>();
    if (!c.newlyFiring().isEmpty()) {
      counts.add(c.newlyFiring().size() + " new firing");
    }
    if (!c.newlyResolved().isEmpty()) {
      counts.add(c.newlyResolved().size() + " resolved");
    }
    if (c.refired()) {
      counts.add(0, "firing again");
    }
    return new Message(
        "Update: " + String.join(", ", counts),
        List.of(new Part.Section(null, String.join("\n", cap(lines)))));
  }

  static Set<String> names(Notification n) {
    Set<String> names = new LinkedHashSet<>();
    n.alerts().forEach(a -> names.add(a.name()));
    return names;
  }

  static String where(Map<String, String> labels) {
    String ns = labels.getOrDefault("namespace", "");
    String workload = Workloads.of(labels).orElse("");
    if (ns.isEmpty() && workload.isEmpty()) {
      return "";
    }
    return " — " + (ns.isEmpty() ? workload : workload.isEmpty() ? ns : ns + "/" + workload);
  }

  static String describe(Alert a) {
    return a.name()
        + " "
        + distinct(a.labels())
        + a.annotation("summary").map(s -> " — " + s).orElse("");
  }

  private static String alertLines(List<Alert> alerts, Map<String, String> common) {
    List<String> lines = new ArrayList<>();
    for (Alert a : alerts) {
      Map<String, String> own = new TreeMap<>(a.labels());
      own.keySet().removeAll(common.keySet());
      own.remove("alertname");
      lines.add(
          (a.firing() ? "🔥 " : "✅ ")
              + a.name()
              + (own.isEmpty() ? "" : " " + own)
              + a.annotation("summary")
                  .filter(s -> !common.containsValue(s))
                  .map(s -> " — " + s)
                  .orElse(""));
    }
    return String.join("\n", cap(lines));
  }

  private static List<String> cap(List<String> lines) {
    if (lines.size() <= MAX_LISTED) {
      return lines;
    }
    List<String> out = new ArrayList<>(lines.subList(0, MAX_LISTED));
    out.add("… and " + (lines.size() - MAX_LISTED) + " more");
    return out;
  }

  private static String distinct(Map<String, String> labels) {
    Map<String, String> shown = new TreeMap<>();
    for (String key : KEY_LABELS) {
      if (labels.containsKey(key)) {
        shown.put(key, labels.get(key));
      }
    }
    return shown.toString();
  }

  /** Runbook, the source graph, and a silence pre-filled with the group's labels. */
  static List<String> links(Notification n) {
    List<String> links = new ArrayList<>();
    Set<String> runbooks = new LinkedHashSet<>();
    n.alerts().forEach(a -> a.annotation("runbook_url").ifPresent(runbooks::add));
    runbooks.stream().limit(3).forEach(u -> links.add("Runbook: " + u));
    n.alerts().stream()
        .map(Alert::generatorUrl)
        .filter(u -> !u.isBlank())
        .findFirst()
        .ifPresent(u -> links.add("Source: " + u));
    if (!n.externalUrl().isBlank()) {
      Map<String, String> labels = n.groupLabels().isEmpty() ? n.commonLabels() : n.groupLabels();
      StringBuilder filter = new StringBuilder("{");
      new TreeMap<>(labels)
          .forEach(
              (k, v) ->
                  filter
                      .append(filter.length() > 1 ? "," : "")
                      .append(k)
                      .append("=\"")
                      .append(v.replace("\"", "\\\""))
                      .append('"'));
      filter.append('}');
      links.add(
          "Silence: "
              + n.externalUrl().replaceAll("/+$", "")
              + "/#/silences/new?filter="
              + URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8));
    }
    return links;
  }
}
