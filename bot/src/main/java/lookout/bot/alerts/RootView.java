package lookout.bot.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;
import lookout.approvals.Approvals;

/**
 * The root of an alert group as {@link AlertMessages} draws it, plus who owns it, the silences
 * muting it, and while it fires the buttons to act on it: Acknowledge (Take over once someone has),
 * and Silence 1h / 4h / 24h — or Unsilence while a silence mutes it — when an Alertmanager is
 * configured for the group's cluster. Button values are signed commands ({@code alert:<group>:ack},
 * {@code …:silence:<seconds>}, {@code …:unsilence:<id>}).
 */
final class RootView {
  static final String PREFIX = "alert:";

  /** The Silence buttons: label and how long. */
  static final Map<String, Duration> SILENCES =
      orderedMap("1h", Duration.ofHours(1), "4h", Duration.ofHours(4), "24h", Duration.ofDays(1));

  /** Roots are redrawn at least every repeat_interval while firing; their buttons outlive that. */
  static final Duration BUTTONS_VALID = Duration.ofDays(7);

  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_HH_MM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int MAX_SILENCES_SHOWN = 3;

  /** Roots without controls: no approvals, so no buttons (tests of other parts). */
  static final RootView PLAIN = new RootView(null, n -> Optional.empty(), s -> false);

  private final Approvals approvals;
  private final Function<Notification, Optional<SilenceScope>> scopes;
  private final Predicate<SilenceScope> canSilence;

  /**
   * @param approvals signs the buttons; null = no buttons
   * @param canSilence true when an Alertmanager serves the scope's cluster
   */
  RootView(
      Approvals approvals,
      Function<Notification, Optional<SilenceScope>> scopes,
      Predicate<SilenceScope> canSilence) {
    this.approvals = approvals;
    this.scopes = scopes;
    this.canSilence = canSilence;
  }

  Optional<SilenceScope> scope(Notification n) {
    return scopes.apply(n);
  }

  Message render(Notification n, GroupState g, Ownership o, Instant now) {
    Message root = AlertMessages.root(n, g, now);
    boolean owned = o.acknowledged(g.episode());
    List<Ownership.SilenceLine> silences =
        o.silences().stream()
            .sorted(Comparator.comparing(Ownership.SilenceLine::viaLookout).reversed())
            .toList();
    StringBuilder summary = new StringBuilder(root.summary());
    List<Part.Fact> facts = new ArrayList<>();
    if (owned) {
      String who = "acknowledged by " + o.ackedBy() + " " + HH_MM.format(o.ackedAt());
      summary.append(" · 🙋 ").append(who);
      facts.add(new Part.Fact("Owner", who));
    }
    if (!silences.isEmpty() && !g.resolved()) {
      Ownership.SilenceLine first = silences.get(0);
      summary
          .append(" · 🔕 silenced by ")
          .append(first.createdBy())
          .append(" until ")
          .append(HH_MM.format(first.endsAt()));
      silences.stream()
          .limit(MAX_SILENCES_SHOWN)
          .forEach(s -> facts.add(new Part.Fact("Silenced", line(s))));
    }
    List<Part> parts = new ArrayList<>(root.parts());
    if (!facts.isEmpty()) {
      parts.add(1, new Part.Facts(facts));
    }
    if (!g.resolved()) {
      buttons(n, g, owned, silences, now).ifPresent(b -> parts.add(parts.size() - 1, b));
    }
    return new Message(summary.toString(), parts);
  }

  private Optional<Part.Actions> buttons(
      Notification n,
      GroupState g,
      boolean owned,
      List<Ownership.SilenceLine> silences,
      Instant now) {
    if (approvals == null) {
      return Optional.empty();
    }
    Instant until = now.plus(BUTTONS_VALID);
    String group = PREFIX + g.groupId() + ":";
    List<Part.Button> buttons = new ArrayList<>();
    buttons.add(
        new Part.Button(
            owned ? "Take over" : "Acknowledge",
            approvals.commandToken(group + "ack", until),
            owned ? Part.Style.DEFAULT : Part.Style.PRIMARY));
    Optional<SilenceScope> scope = scopes.apply(n).filter(canSilence);
    if (scope.isPresent()) {
      if (silences.isEmpty()) {
        SILENCES.forEach(
            (label, d) ->
                buttons.add(
                    new Part.Button(
                        "Silence " + label,
                        approvals.commandToken(group + "silence:" + d.getSeconds(), until),
                        Part.Style.DEFAULT)));
      } else {
        buttons.add(
            new Part.Button(
                "Unsilence",
                approvals.commandToken(group + "unsilence:" + silences.get(0).id(), until),
                Part.Style.DANGER));
      }
    }
    return Optional.of(new Part.Actions(buttons));
  }

  private static Map<String, Duration> orderedMap(Object... pairs) {
    Map<String, Duration> out = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (Duration) pairs[i + 1]);
    }
    return Collections.unmodifiableMap(out);
  }

  private static String line(Ownership.SilenceLine s) {
    return "by "
        + s.createdBy()
        + " until "
        + DAY_HH_MM.format(s.endsAt())
        + (s.muted() < s.of() ? ", mutes " + s.muted() + " of " + s.of() + " alerts" : "")
        + " (silence "
        + s.id().substring(0, Math.min(8, s.id().length()))
        + (s.viaLookout() ? ", from Lookout" : ", made in Alertmanager")
        + ")";
  }
}
