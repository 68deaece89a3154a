package lookout.agent.grammar;

/**
 * One word of a request: a run of Latin letters, digits and name punctuation ({@code
 * deploy/checkout}, {@code --replicas=5}), or a run of Chinese characters, which carry the Chinese
 * keywords and markers.
 */
record Token(String text, boolean chinese) {
  boolean is(String word) {
    return !chinese && text.equals(word);
  }

  boolean latin() {
    return !chinese;
  }
}
