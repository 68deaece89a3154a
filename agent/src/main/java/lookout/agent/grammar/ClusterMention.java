package lookout.agent.grammar;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which configured cluster a question names, the ways people write it — "in prod-eu", "on prod-eu",
 * "prod-eu cluster", "cluster prod-eu", "@prod-eu", "在 prod-eu 集群", "prod-eu 上的" — or "all
 * clusters" / "所有集群"; and the question with those words taken out, so the rest reads as if it had
 * been asked in that cluster ("why is payment-api failing in shop on scenarios?" → "why is
 * payment-api failing in shop?").
 *
 * <p>Only configured names count: "in shop" stays a namespace unless a cluster is called shop. A
 * namespace that shares a cluster's name is reached as "namespace prod" or "prod/checkout".
 *
 * @param cluster the cluster named, or null for none (or for all)
 * @param all true when the question asks about every cluster
 * @param rest the question without the cluster words
 */
public record ClusterMention(String cluster, boolean all, String rest) {
  private static final String BEFORE = "(?<![\\p{Alnum}_./-])";
  private static final String AFTER = "(?![\\p{Alnum}_/-])(?!\\.\\p{Alnum})";
  private static final Pattern ALL =
      Pattern.compile(
          "(?:\\b(?:in|on|across|for|of)\\s+)?(?:all|every|each)(?:\\s+(?:the|of\\s+the))?\\s+clusters?\\b"
              + "|(?:在)?\\s*(?:所有|全部|每个|各个?)\\s*集群(?:上|里|中)?(?:的)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  public ClusterMention {
    Objects.requireNonNull(rest, "rest");
  }

  /** A question that names no cluster. */
  public static ClusterMention none(String text) {
    return new ClusterMention(null, false, text);
  }

  /** True when the question names a cluster or all of them. */
  public boolean named() {
    return cluster != null || all;
  }

  /** Finds the first of {@code clusters} the text names, or "all clusters". */
  public static ClusterMention find(String text, Set<String> clusters) {
    Matcher all = ALL.matcher(text);
    if (all.find()) {
      return new ClusterMention(null, true, cut(text, all.start(), all.end()));
    }
    // longest names first: "prod-eu-2" must not be read as "prod-eu" followed by "-2"
    List<String> names =
        clusters.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String name : names) {
      Matcher m = pattern(name).matcher(text);
      if (m.find()) {
        return new ClusterMention(name, false, cut(text, m.start(), m.end()));
      }
    }
    return none(text);
  }

  private static Pattern pattern(String name) {
    String n = BEFORE + Pattern.quote(name) + AFTER;
    String english =
        "@"
            + Pattern.quote(name)
            + AFTER
            + "|\\b(?:in|on|at|from|for)\\s+(?:the\\s+)?(?:cluster\\s+)?"
            + n
            + "(?:\\s+cluster\\b)?"
            + "|(?:\\bthe\\s+)?"
            + n
            + "\\s+cluster\\b"
            + "|\\bcluster\\s+"
            + n;
    String chinese =
        "(?:在|去|到)?\\s*(?:集群\\s*)?"
            + n
            + "\\s*(?:集群\\s*(?:上|里|中)?|上)\\s*(?:的)?"
            + "|在\\s*"
            + n
            + "\\s*(?:里|中)?\\s*(?:的)?"
            + "|集群\\s*"
            + n;
    return Pattern.compile(
        english + "|" + chinese, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /**
   * The text without [start, end), spaces closed up, none left before punctuation and no colon left
   * in front ("prod-eu cluster: is checkout ok?").
   */
  private static String cut(String text, int start, int end) {
    return (text.substring(0, start) + " " + text.substring(end))
        .replaceAll("\\s+", " ")
        .replaceAll(" (?=[?？!！.。,，])", "")
        .replaceAll("^[\\s:：,，]+", "")
        .strip();
  }
}
