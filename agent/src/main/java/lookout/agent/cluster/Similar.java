package lookout.agent.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": names within a small edit distance, or sharing a prefix or substring. */
final class Similar {
  private Similar() {}

  static List<String> to(String wanted, List<String> names, int max) {
    String w = wanted.toLowerCase(Locale.ROOT);
    return names.stream()
        .filter(n -> score(w, n.toLowerCase(Locale.ROOT)) <= 2)
        .sorted(
            Comparator.comparingInt((String n) -> score(w, n.toLowerCase(Locale.ROOT)))
                .thenComparing(n -> n))
        .distinct()
        .limit(max)
        .toList();
  }

  private static int score(String wanted, String name) {
    if (name.equals(wanted)) {
      return 0;
    }
    if (wanted.length() >= 3 && (name.contains(wanted) || wanted.contains(name))) {
      return 1;
    }
    return distance(wanted, name);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
