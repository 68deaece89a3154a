package lookout.bot.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lookout.adapters.chat.ConversationRef;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a resolved alert group into an incident record: saved in the database (the source of truth)
 * and added to the search index, so later searches and analyses find it as a similar incident. The
 * resolution ends with the actions requested from the group's thread and who decided them.
 */
final class IncidentRecorder {
  private static final Logger log = LoggerFactory.getLogger(IncidentRecorder.class);

  private final IncidentStore store;
  private final Consumer<Incident> index;
  private final ActionsTaken actions;

  IncidentRecorder(IncidentStore store, Consumer<Incident> index, ActionsTaken actions) {
    this.store = store;
    this.index = index;
    this.actions = actions;
  }

  static String idFor(GroupState g) {
    return "ALERT-" + g.groupId().substring(0, 12) + "-" + g.episode();
  }

  Incident record(
      GroupState g, Notification n, List<String> threadLinks, List<ConversationRef> threads) {
    String names = String.join(", ", AlertMessages.names(n));
    Duration took = java.time.Duration.between(g.startedAt(), g.resolvedAt());
    String severity = n.commonLabels().getOrDefault("severity", "");
    List<String> timeline = new ArrayList<>(g.timeline());
    String resolution = "Resolved in Alertmanager after " + Durations.human(took) + ".";
    List<String> taken = actionsIn(threads, g, n);
    resolution +=
        taken.isEmpty()
            ? "\nActions taken: none requested from the alert thread."
            : "\nActions taken:\n- " + String.join("\n- ", taken);
    Incident incident =
        new Incident(
            idFor(g),
            names
                + AlertMessages.where(n.commonLabels())
                + (severity.isEmpty() ? "" : " (" + severity + ")")
                + n.commonAnnotations()
                    .getOrDefault("summary", "")
                    .transform(s -> s.isBlank() ? "" : ": " + s),
            n.alerts().get(0).name(),
            n.commonLabels(),
            g.startedAt(),
            g.resolvedAt(),
            timeline,
            g.analysis(),
            resolution,
            "alertmanager",
            String.join(" ", threadLinks));
    store.save(incident);
    try {
      index.accept(incident);
    } catch (RuntimeException e) {
      // The database has it; the index is rebuilt from the database at the next start.
      log.error("while indexing incident {}", incident.id(), e);
    }
    return incident;
  }

  private List<String> actionsIn(List<ConversationRef> threads, GroupState g, Notification n) {
    try {
      return actions.in(threads, g.startedAt(), n.commonLabels().get("namespace"));
    } catch (RuntimeException e) {
      // The incident matters more than its actions section: record it and say what is missing.
      log.error("while reading the actions taken for incident {}", idFor(g), e);
      return List.of("(could not read the approvals audit: " + e.getMessage() + ")");
    }
  }
}
