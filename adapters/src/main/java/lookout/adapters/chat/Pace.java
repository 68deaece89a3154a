package lookout.adapters.chat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one send counts against its platform's limits, as the platform's adapter declares them
 * ({@link ChatAdapter#pace}): how many platform messages it takes and every limit they count
 * against. The outbox delivers by it; nothing else in Lookout paces.
 *
 * @param sends platform messages the send takes (a WeCom robot post with a chart is two)
 * @param limits every limit the send counts against (the chat's, the app's), none for no limit
 */
public record Pace(int sends, List<Limit> limits) {
  /** No limit (a local chat): sent as soon as it is due. */
  public static final Pace NONE = new Pace(1, List.of());

  /** What is sent: a new message, or an edit of one posted before. */
  public enum Kind {
    POST,
    EDIT
  }

  /**
   * At most {@code messages} sends in any window of {@code per} into everything that shares {@code
   * key}: a chat ({@code chat:oc_1}), a group robot, the whole app. At most {@code burst} of them
   * go back to back; after that sends are spaced {@code per / messages} apart until the burst has
   * built up again. With {@code burst == messages} the window alone decides.
   */
  public record Limit(String key, int messages, Duration per, int burst) {
    public Limit {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("a limit needs a key naming what shares it");
      }
      if (messages < 1 || per == null || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException(
            "limit " + key + ": " + messages + " per " + per + " is not a positive rate");
      }
      if (burst < 1 || burst > messages) {
        throw new IllegalArgumentException(
            "limit " + key + ": a burst of " + burst + " is not between 1 and " + messages);
      }
    }

    /** Up to the whole window's worth back to back. */
    public Limit(String key, int messages, Duration per) {
      this(key, messages, per, messages);
    }

    /** Messages per second on average. */
    public double perSecond() {
      return messages * 1_000.0 / per.toMillis();
    }

    /** For people: "5 messages per second", "20 messages per minute". */
    public String describe() {
      double perSecond = perSecond();
      return perSecond >= 1
          ? String.format(Locale.ROOT, "%.0f messages per second", perSecond)
          : String.format(Locale.ROOT, "%.0f messages per minute", perSecond * 60);
    }
  }

  public Pace {
    if (sends < 1) {
      throw new IllegalArgumentException("a send takes at least one message, not " + sends);
    }
    limits = List.copyOf(limits);
  }

  /** One message against {@code limits}. */
  public static Pace of(Limit... limits) {
    return new Pace(1, List.of(limits));
  }

  /** The same limits for a send that takes {@code n} platform messages. */
  public Pace times(int n) {
    return new Pace(n, limits);
  }

  /** The slowest of the limits, to tell people how fast a channel drains; empty with none. */
  public Optional<Limit> tightest() {
    return limits.stream().min(Comparator.comparingDouble(Limit::perSecond));
  }
}
