package lookout.agent.scenarios;

/**
 * One chat question about a scenario and what its answer must say.
 *
 * @param text what the user typed, mention stripped
 */
public record Probe(String text, Expectation expect) {
  /** True when the question has Chinese in it (Chinese only, or mixed with English). */
  public boolean chinese() {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
