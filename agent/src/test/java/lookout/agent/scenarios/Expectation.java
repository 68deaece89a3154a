package lookout.agent.scenarios;

import java.util.List;

/**
 * What a correct answer says and what it must not say, matched case-insensitively against the whole
 * answer text with runs of whitespace folded to one space.
 *
 * @param mustContain every entry must be present; an entry lists alternatives, any one of which
 *     satisfies it (e.g. {@code [OOMKilled, out of memory, 内存]})
 * @param mustNotContain none may be present (e.g. an unrelated node blamed for the failure)
 */
public record Expectation(List<List<String>> mustContain, List<String> mustNotContain) {
  public Expectation {
    mustContain = mustContain.stream().map(List::copyOf).toList();
    mustNotContain = List.copyOf(mustNotContain);
  }

  /** The words of {@code answer} that break this expectation; empty when it holds. */
  public List<String> problems(String answer) {
    String text = fold(answer);
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (List<String> anyOf : mustContain) {
      if (anyOf.stream().noneMatch(word -> text.contains(fold(word)))) {
        out.add("missing " + (anyOf.size() == 1 ? anyOf.get(0) : "any of " + anyOf));
      }
    }
    for (String word : mustNotContain) {
      if (text.contains(fold(word))) {
        out.add("contains " + word);
      }
    }
    return List.copyOf(out);
  }

  static String fold(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
  }
}
