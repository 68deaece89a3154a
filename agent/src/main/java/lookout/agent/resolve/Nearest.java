package lookout.agent.resolve;

import java.util.Comparator;
import java.util.List;
import lookout.agent.analyzers.ObjectRef;

/**
 * "Did you mean …": the existing objects whose names are closest to a name that matched nothing.
 */
final class Nearest {
  static final int MAX = 5;
  private static final int FAR = 4;

  private Nearest() {}

  static List<ObjectRef> to(String wanted, Inventory inventory) {
    String key = Names.squash(wanted);
    record Scored(ObjectRef ref, int score) {}
    return inventory.entries().stream()
        .filter(e -> !e.ref().kind().equals("Pod"))
        .map(e -> new Scored(e.ref(), score(key, Names.squash(e.ref().name()))))
        .filter(s -> s.score() < FAR)
        .sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.ref().toString()))
        .map(Scored::ref)
        .distinct()
        .limit(MAX)
        .toList();
  }

  /** 0 for the same name, 1 when one contains the other, else the edit distance (capped). */
  private static int score(String wanted, String name) {
    if (name.equals(wanted)) {
      return 0;
    }
    if (wanted.length() >= 3
        && (name.contains(wanted) || wanted.contains(name) && name.length() >= 3)) {
      return 1;
    }
    return Names.distance(wanted, name, FAR);
  }
}
