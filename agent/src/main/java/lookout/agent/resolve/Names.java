package lookout.agent.resolve;

import java.util.Locale;

/** How names compare when people type them: separators and case ignored, small typos allowed. */
final class Names {
  private Names() {}

  /**
   * {@code Payment_API}, {@code payment api} and {@code payment-api} all become {@code paymentapi}.
   */
  static String squash(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = Character.toLowerCase(name.charAt(i));
      if (c != '-' && c != '_' && c != '.' && c != ' ') {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The typos tolerated in a name of this length: none below 5 characters (too many short names are
   * one letter apart), one up to 8, two beyond.
   */
  static int tolerance(int length) {
    return length < 5 ? 0 : length <= 8 ? 1 : 2;
  }

  /**
   * Edit distance counting a swap of neighbours as one edit ("paymnet" → "payment"), or {@code max
   * + 1} as soon as it must exceed {@code max}.
   */
  static int distance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] before = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        cur[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[b.length()], max + 1);
  }
}
