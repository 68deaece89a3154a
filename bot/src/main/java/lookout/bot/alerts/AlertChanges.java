package lookout.bot.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a notification changed in a group: alerts that started firing, alerts that resolved, and
 * whether the group fired again after being resolved.
 */
record AlertChanges(
    List<Alert> newlyFiring, List<GroupState.AlertLine> newlyResolved, boolean refired) {

  static AlertChanges between(GroupState before, Notification now) {
    Map<String, GroupState.AlertLine> old = before == null ? Map.of() : before.alerts();
    List<Alert> firing = new ArrayList<>();
    List<GroupState.AlertLine> resolved = new ArrayList<>();
    for (Alert a : now.alerts()) {
      GroupState.AlertLine was = old.get(a.fingerprint());
      if (a.firing() && (was == null || !"firing".equals(was.status()))) {
        firing.add(a);
      } else if (!a.firing() && was != null && "firing".equals(was.status())) {
        resolved.add(was);
      }
    }
    // Alerts Alertmanager stopped sending while the group still fires have resolved too.
    if (now.firing()) {
      for (var e : old.entrySet()) {
        boolean still = now.alerts().stream().anyMatch(a -> a.fingerprint().equals(e.getKey()));
        if (!still && "firing".equals(e.getValue().status())) {
          resolved.add(e.getValue());
        }
      }
    }
    boolean refired = before != null && before.resolved() && now.firing();
    return new AlertChanges(firing, resolved, refired);
  }

  boolean isEmpty() {
    return newlyFiring.isEmpty() && newlyResolved.isEmpty() && !refired;
  }
}
