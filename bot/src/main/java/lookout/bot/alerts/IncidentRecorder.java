package lookout.bot.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a resolved alert group into an incident record: saved in the database (the source of truth)
 * and added to the search index, so later searches and analyses find it as a similar incident.
 */
final class IncidentRecorder {
  private static final Logger log = LoggerFactory.getLogger(IncidentRecorder.class);

  private final IncidentStore store;
  private final Consumer<Incident> index;

  IncidentRecorder(IncidentStore store, Consumer<Incident> index) {
    this.store = store;
    this.index = index;
  }

  static String idFor(GroupState g) {
    return "ALERT-" + g.groupId().substring(0, 12) + "-" + g.episode();
  }

  Incident record(GroupState g, Notification n, List<String> threadLinks) {
    String names = String.join(", ", AlertMessages.names(n));
    Duration took = java.time.Duration.between(g.startedAt(), g.resolvedAt());
    String severity = n.commonLabels().getOrDefault("severity", "");
    List<String> timeline = new ArrayList<>(g.timeline());
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
            "Resolved in Alertmanager after " + Durations.human(took) + ".",
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
}
