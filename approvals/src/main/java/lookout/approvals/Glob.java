package lookout.approvals;

/**
 * Shell-style wildcards for cluster, namespace and tool names: {@code *} any run, {@code ?} one
 * char.
 */
public final class Glob {
  private Glob() {}

  /** True when {@code value} matches {@code pattern} as a whole. */
  public static boolean matches(String pattern, String value) {
    // Iterative matcher with single backtrack point: linear enough for names of at most 253 chars
    // and
    // immune to the catastrophic backtracking a naive regex translation can have.
    int p = 0;
    int v = 0;
    int starP = -1;
    int starV = 0;
    while (v < value.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        starP = p++;
        starV = v;
      } else if (starP >= 0) {
        p = starP + 1;
        v = ++starV;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  static boolean matchesAny(Iterable<String> patterns, String value) {
    for (String pattern : patterns) {
      if (matches(pattern, value)) {
        return true;
      }
    }
    return false;
  }
}
