package lookout.agent.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names by the runs of their parts: {@code kube-prometheus-stack-grafana} is found as "grafana" or
 * "prometheus stack", {@code order-service} as "order" or "orders". For mentions that match no
 * whole name: a chart prefix, a team prefix or a "-service" suffix people leave out.
 */
final class Parts {
  /** Parts shorter than this are too often a different word ("db", "ui", "v2"). */
  private static final int MIN_LENGTH = 3;

  private final Map<String, List<Inventory.Entry>> byRun = new HashMap<>();
  private final Map<Integer, List<String>> byLength = new HashMap<>();

  Parts(List<Inventory.Entry> entries) {
    for (Inventory.Entry e : entries) {
      String kind = e.ref().kind();
      if (kind.equals("Pod") || kind.equals("Namespace")) {
        continue; // generated names and scopes: parts of them name nothing
      }
      String[] parts = e.ref().name().split("[-_.]");
      for (int i = 0; i < parts.length; i++) {
        StringBuilder run = new StringBuilder();
        for (int j = i; j < parts.length; j++) {
          run.append(parts[j]);
          if (j - i + 1 == parts.length || run.length() < MIN_LENGTH) {
            continue; // the whole name is matched elsewhere
          }
          if (kind.equals("Node") && !hasDigit(run)) {
            continue; // "worker", "compute", "internal": every node's name has them
          }
          add(run.toString(), e);
          if (run.length() > MIN_LENGTH && run.charAt(run.length() - 1) == 's') {
            add(run.substring(0, run.length() - 1), e); // "orders" is found as "order"
          }
        }
      }
    }
  }

  /** True when a run of a name's parts holds a digit: what sets one node apart from the rest. */
  static boolean hasDigit(CharSequence run) {
    return run.chars().anyMatch(Character::isDigit);
  }

  private void add(String key, Inventory.Entry e) {
    List<Inventory.Entry> list =
        byRun.computeIfAbsent(
            key,
            k -> {
              byLength.computeIfAbsent(k.length(), n -> new ArrayList<>()).add(k);
              return new ArrayList<>();
            });
    if (!list.contains(e)) {
      list.add(e);
    }
  }

  /** The objects whose name has {@code squashed} as a run of its parts (plural or not). */
  List<Inventory.Entry> find(String squashed) {
    List<Inventory.Entry> found = byRun.get(squashed);
    if (found == null && squashed.length() > MIN_LENGTH && squashed.endsWith("s")) {
      found = byRun.get(squashed.substring(0, squashed.length() - 1));
    }
    return found == null ? List.of() : found;
  }

  /**
   * The objects with a run of parts a typo or two from {@code squashed} ("usercentre" for
   * usercenter-api), closest only: for a word that matched nothing better.
   */
  List<Inventory.Entry> near(String squashed) {
    int tolerance = Names.tolerance(squashed.length());
    int best = tolerance + 1;
    List<Inventory.Entry> out = new ArrayList<>();
    for (int len = squashed.length() - tolerance; len <= squashed.length() + tolerance; len++) {
      for (String run : byLength.getOrDefault(len, List.of())) {
        int allowed = Names.tolerance(Math.min(run.length(), squashed.length()));
        int d = Names.distance(squashed, run, allowed);
        if (d > allowed || d > best) {
          continue;
        }
        if (d < best) {
          best = d;
          out.clear();
        }
        byRun.get(run).stream().filter(e -> !out.contains(e)).forEach(out::add);
      }
    }
    return out;
  }
}
