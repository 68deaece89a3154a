package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lookout.agent.text.Ages;

/**
 * Events as lines, newest first, repeats merged with their counts added: {@code 1m ago Warning
 * BackOff pod/checkout-7d9f-x2: Back-off restarting failed container (x41)}.
 */
public final class EventText {
  private EventText() {}

  public static List<String> lines(List<Event> events, Instant now) {
    Map<String, Merged> merged = new LinkedHashMap<>();
    for (Event e : events) {
      String key =
          String.join("|", nz(e.getType()), nz(e.getReason()), subject(e), nz(e.getMessage()));
      Instant at = lastSeen(e).orElse(Instant.EPOCH);
      merged.merge(key, new Merged(e, at, count(e)), Merged::plus);
    }
    List<Merged> sorted = new ArrayList<>(merged.values());
    sorted.sort(Comparator.comparing(Merged::at).reversed());
    return sorted.stream().map(m -> line(m, now)).toList();
  }

  /** Newest first by last-seen time. */
  public static Comparator<Event> newestFirst() {
    return Comparator.comparing((Event e) -> lastSeen(e).orElse(Instant.EPOCH)).reversed();
  }

  private static String line(Merged m, Instant now) {
    Event e = m.event();
    String when =
        m.at().equals(Instant.EPOCH)
            ? "?"
            : Ages.age(java.time.Duration.between(m.at(), now)) + " ago";
    String text =
        when
            + " "
            + nz(e.getType())
            + " "
            + nz(e.getReason())
            + " "
            + subject(e)
            + ": "
            + nz(e.getMessage()).strip()
            + (m.count() > 1 ? " (x" + m.count() + ")" : "");
    return Capped.line(text);
  }

  static Optional<Instant> lastSeen(Event e) {
    Optional<Instant> t = Ages.instant(e.getLastTimestamp());
    if (t.isEmpty() && e.getEventTime() != null) {
      t = Ages.instant(e.getEventTime().getTime());
    }
    if (t.isEmpty() && e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
      t = Ages.instant(e.getSeries().getLastObservedTime().getTime());
    }
    if (t.isEmpty()) {
      t = Ages.instant(e.getFirstTimestamp());
    }
    return t.isEmpty() ? Ages.instant(e.getMetadata().getCreationTimestamp()) : t;
  }

  private static int count(Event e) {
    if (e.getCount() != null && e.getCount() > 0) {
      return e.getCount();
    }
    if (e.getSeries() != null && e.getSeries().getCount() != null) {
      return e.getSeries().getCount();
    }
    return 1;
  }

  private static String subject(Event e) {
    if (e.getInvolvedObject() == null) {
      return "?";
    }
    return nz(e.getInvolvedObject().getKind()).toLowerCase(Locale.ROOT)
        + "/"
        + nz(e.getInvolvedObject().getName());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private record Merged(Event event, Instant at, int count) {
    Merged plus(Merged other) {
      Event newest = other.at().isAfter(at) ? other.event() : event;
      Instant latest = other.at().isAfter(at) ? other.at() : at;
      return new Merged(newest, latest, count + other.count());
    }
  }
}
