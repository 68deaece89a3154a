package lookout.bot.alerts;

import java.util.List;

/**
 * What Lookout did with one notification, returned to Alertmanager as JSON.
 *
 * @param result {@code accepted}, {@code deferred} (some destination could not take the group:
 *     {@code refused} says which and why; the others got it), {@code dropped} (a drop rule matched)
 *     or {@code unrouted} (no rule and no default destination)
 * @param destinations where the group went
 * @param refused {@code destination: reason} for each destination that could not take the group;
 *     not empty only when {@code result} is {@code deferred}, which {@code /alertmanager} answers
 *     with 503 so Alertmanager sends the notification again
 */
public record Outcome(
    String result,
    String group,
    List<String> destinations,
    List<String> changes,
    boolean analysis,
    List<String> refused) {
  public Outcome {
    destinations = List.copyOf(destinations);
    changes = List.copyOf(changes);
    refused = List.copyOf(refused);
  }

  Outcome(String result, String group, List<String> destinations, List<String> changes, boolean a) {
    this(result, group, destinations, changes, a, List.of());
  }

  /** This outcome, deferred because of {@code refusals}. */
  Outcome deferred(List<String> refusals) {
    return new Outcome("deferred", group, destinations, changes, analysis, refusals);
  }
}
