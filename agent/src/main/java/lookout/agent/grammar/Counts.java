package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replica counts as people write them, and the ways of writing one that we refuse to act on. */
final class Counts {
  /** Number-like words that are not plain counts: "-1", "+5", "3.5", "1e3", "3x", "5m". */
  private static final Pattern NUMBERISH =
      Pattern.compile("[-+]\\d\\S*|\\d+[.,]\\d+|\\d+(e\\d+|[xkm])");

  /** A count in Chinese after 到/成/为: "扩到三个", "改成十". */
  private static final Pattern CHINESE = Pattern.compile("(?:到|成|为)([零〇一二两三四五六七八九十百千]+)");

  private Counts() {}

  static boolean numberish(String word) {
    return NUMBERISH.matcher(word).matches();
  }

  /** A plain count small enough to be one; "99999999999" is not a count, it is a typo. */
  static Optional<Long> plain(String word) {
    if (!Vocabulary.number(word) || word.length() > 9) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(word));
  }

  static Optional<Long> chinese(String zh) {
    Matcher m = CHINESE.matcher(zh);
    return m.find() ? Optional.of(ChineseNumber.parse(m.group(1))) : Optional.empty();
  }

  /**
   * True for a change by an amount ("scale up by 2", "加 2 个", "扩容 2 个") or a negative one
   * ("缩容到负一"), which are not counts: acting on them means reading the current replicas, and a
   * mistaken reading scales the wrong way.
   */
  static boolean relativeOrNegative(List<Token> tokens) {
    String zh = String.join(" ", tokens.stream().filter(Token::chinese).map(Token::text).toList());
    boolean zhScale = zh.contains("扩") || zh.contains("缩");
    boolean absolute = zh.contains("到") || zh.contains("成") || zh.contains("为");
    return tokens.stream().anyMatch(t -> t.is("by"))
        || zh.contains("加")
        || zh.contains("减")
        || zh.contains("负")
        || (zhScale && !absolute);
  }
}
