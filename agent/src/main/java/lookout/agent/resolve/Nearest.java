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
    List<String> parts = List.of(wanted.toLowerCase(java.util.Locale.ROOT).split("[-_. ]"));
    record Scored(ObjectRef ref, int score) {}
    return inventory.entries().stream()
        .filter(e -> !e.ref().kind().equals("Pod"))
        .map(
            e ->
                new Scored(
                    e.ref(),
                    score(
                        key,
                        parts,
                        Names.squash(e.ref().name()),
                        e.ref().name().toLowerCase(java.util.Locale.ROOT),
                        e.ref().kind().equals("Node"))))
        .filter(s -> s.score() < FAR)
        .sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.ref().toString()))
        .map(Scored::ref)
        .distinct()
        .limit(MAX)
        .toList();
  }

  /**
   * 0 for the same name, 1 when one contains the other, 2 when they share a part of four letters or
   * more ({@code checkout-svc}, {@code checkout-service}; for nodes a numbered part), else the edit
   * distance (capped).
   */
  private static int score(
      String wanted, List<String> wantedParts, String name, String rawName, boolean node) {
    if (name.equals(wanted)) {
      return 0;
    }
    if (wanted.length() >= 3
        && (name.contains(wanted) || wanted.contains(name) && name.length() >= 3)) {
      return 1;
    }
    for (String part : rawName.split("[-_.]")) {
      // a node shares "worker" or "compute" with every other node: only a numbered part is its own
      if (part.length() >= 4 && wantedParts.contains(part) && (!node || Parts.hasDigit(part))) {
        return 2;
      }
    }
    return Names.distance(wanted, name, FAR);
  }
}
