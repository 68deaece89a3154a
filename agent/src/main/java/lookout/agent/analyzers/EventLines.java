package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Events about one object, folded by reason and message and formatted as evidence lines like {@code
 * event BackOff ×23 (last 2m ago): Back-off restarting failed container}. Matching uses {@code
 * involvedObject} kind, name and namespace, since the mock server ignores field selectors and
 * callers may hand us every event of a namespace.
 */
final class EventLines {
  /** At most this many event lines per object: the most recent ones. */
  static final int MAX = 5;

  private EventLines() {}

  /** One reason+message pair seen {@code count} times, last at {@code last} (null when unknown). */
  record Folded(String reason, String message, int count, Instant last) {
    String format(Clock clock) {
      String times = count > 1 ? " ×" + count : "";
      String when =
          last == null ? "" : (count > 1 ? " (last " : " (") + Evidence.ago(clock, last) + ")";
      return Evidence.clip("event " + Evidence.orDash(reason) + times + when + ": " + message);
    }
  }

  /**
   * Events about an object, most recent first.
   *
   * @param namespace ignored for cluster-scoped kinds such as Node (pass null)
   * @param reasons reasons to keep; empty keeps all
   * @param container when set, drops events whose {@code fieldPath} names another container
   */
  static List<Folded> about(
      List<Event> events,
      String kind,
      String namespace,
      String name,
      Set<String> reasons,
      String container) {
    Map<String, Folded> folded = new LinkedHashMap<>();
    for (Event e : events) {
      if (!concerns(e, kind, namespace, name, container)
          || (!reasons.isEmpty() && !reasons.contains(e.getReason()))) {
        continue;
      }
      String message = e.getMessage() == null ? "" : e.getMessage().strip();
      Folded one = new Folded(e.getReason(), message, count(e), last(e).orElse(null));
      folded.merge(e.getReason() + "\u0000" + message, one, EventLines::merge);
    }
    return folded.values().stream()
        .sorted(Comparator.comparing(Folded::last, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  /** Formatted lines, capped at {@link #MAX}. */
  static List<String> lines(List<Folded> folded, Clock clock) {
    return folded.stream().limit(MAX).map(f -> f.format(clock)).toList();
  }

  private static boolean concerns(
      Event e, String kind, String namespace, String name, String container) {
    ObjectReference ref = e.getInvolvedObject();
    if (ref == null || !name.equals(ref.getName()) || !kind.equals(ref.getKind())) {
      return false;
    }
    if (namespace != null) {
      String eventNs =
          ref.getNamespace() != null
              ? ref.getNamespace()
              : e.getMetadata() == null ? null : e.getMetadata().getNamespace();
      if (eventNs != null
          && !eventNs.isEmpty()
          && !namespace.isEmpty()
          && !namespace.equals(eventNs)) {
        return false;
      }
    }
    String path = ref.getFieldPath();
    return container == null
        || path == null
        || !path.contains("{")
        || path.contains("{" + container + "}");
  }

  private static Folded merge(Folded a, Folded b) {
    Instant last =
        a.last() == null
            ? b.last()
            : b.last() == null ? a.last() : a.last().isAfter(b.last()) ? a.last() : b.last();
    return new Folded(a.reason(), a.message(), a.count() + b.count(), last);
  }

  private static int count(Event e) {
    if (e.getSeries() != null && e.getSeries().getCount() != null) {
      return Math.max(1, e.getSeries().getCount());
    }
    return Math.max(1, Evidence.intOf(e.getCount()));
  }

  /** Newest of the several places the API puts an event's time. */
  private static Optional<Instant> last(Event e) {
    return Stream.of(
            e.getSeries() == null || e.getSeries().getLastObservedTime() == null
                ? null
                : e.getSeries().getLastObservedTime().getTime(),
            e.getLastTimestamp(),
            e.getEventTime() == null ? null : e.getEventTime().getTime(),
            e.getFirstTimestamp(),
            e.getMetadata() == null ? null : e.getMetadata().getCreationTimestamp())
        .map(Evidence::instant)
        .flatMap(Optional::stream)
        .findFirst();
  }
}
