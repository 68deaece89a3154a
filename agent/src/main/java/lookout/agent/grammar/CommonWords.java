package lookout.agent.grammar;

/**
 * Words of ordinary requests ("why", "pods", "restart", "work", "the") that are never taken for an
 * object's name on their own, however close a name is: a service called {@code work} is found when
 * someone writes {@code svc/work}, not when someone asks "did it work?".
 */
public final class CommonWords {
  private CommonWords() {}

  public static boolean common(String word) {
    return Vocabulary.stopword(word);
  }
}
