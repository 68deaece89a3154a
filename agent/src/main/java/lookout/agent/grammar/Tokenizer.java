package lookout.agent.grammar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request into tokens: full-width forms folded (NFKC, so {@code ？，} read as {@code ?,}),
 * lower-cased, apostrophes dropped ("what's" reads "whats"), mentions removed, and everything that
 * is neither a name-like word nor Chinese text treated as a separator (punctuation, emoji, control
 * characters).
 */
final class Tokenizer {
  private static final Pattern MENTION =
      Pattern.compile("@lookout\\b|<@[^>\\s]{1,64}>|@_user_\\d+");
  private static final Pattern WORD =
      Pattern.compile("[-+]{0,2}[a-z0-9_][a-z0-9_./=:-]*|\\p{IsHan}+");
  private static final Pattern TRAILING = Pattern.compile("[./=:-]+$");

  private Tokenizer() {}

  /** Folded, lower-cased text with mentions removed; the form every rule reads. */
  static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    folded = folded.replace("'", "").replace("\u2019", "").replace("\u2018", "");
    return MENTION.matcher(folded).replaceAll(" ").strip();
  }

  /** Mentions stripped but case kept: what an {@link Command.Unknown} echoes back. */
  static String withoutMention(String text) {
    return Pattern.compile("(?i)@lookout\\b|<@[^>\\s]{1,64}>|@_user_\\d+")
        .matcher(text)
        .replaceAll(" ")
        .strip();
  }

  static List<Token> tokens(String normalized) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(normalized);
    while (m.find()) {
      String word = m.group();
      boolean chinese =
          Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
      if (!chinese) {
        word = TRAILING.matcher(word).replaceAll("");
        if (word.isEmpty() || word.chars().allMatch(c -> c == '-' || c == '+')) {
          continue;
        }
      }
      tokens.add(new Token(word, chinese));
    }
    return tokens;
  }
}
