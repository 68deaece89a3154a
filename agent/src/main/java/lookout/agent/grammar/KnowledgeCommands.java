package lookout.agent.grammar;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Knowledge searches in a fixed form, read before the free-form cluster rules: {@code runbook
 * <words>} (运行手册/手册 …) and {@code incidents like <words>}, {@code have we seen <words> before}
 * (类似故障 …, 以前出现过 … 吗). The words are kept as written: they go to full-text search.
 */
final class KnowledgeCommands {
  private static final Pattern RUNBOOK =
      Pattern.compile(
          "(?i)(?:runbooks?(?:\\s+(?:for|about|on))?|find\\s+(?:a\\s+)?runbook(?:\\s+for)?|运行手册|手册|查手册)\\s*[:：]?\\s*(.+)",
          Pattern.DOTALL);
  private static final Pattern INCIDENTS =
      Pattern.compile(
          "(?i)(?:(?:past\\s+|similar\\s+)?incidents?(?:\\s+(?:like|about|with|for))?|类似(?:的)?(?:故障|事故|事件)|历史(?:故障|事故))\\s*[:：]?\\s*(.+)",
          Pattern.DOTALL);
  private static final Pattern SEEN =
      Pattern.compile(
          "(?i)(?:have|did)\\s+we\\s+(?:ever\\s+)?(?:seen|had)\\s+(.+?)(?:\\s+before)?\\s*\\??|(?:以前|之前)(?:有没有)?(?:出现|遇到|发生)过\\s*(.+?)\\s*(?:吗|么)?\\s*[?？]?");

  private static final java.util.Set<String> CONNECTORS =
      java.util.Set.of("like", "about", "with", "for", "on");

  private KnowledgeCommands() {}

  /** The command, or empty when the text is not a knowledge search. */
  static Optional<Command> parse(String text) {
    String raw =
        Normalizer.normalize(Tokenizer.withoutMention(text), Normalizer.Form.NFKC)
            .strip()
            .replaceAll("\\s+", " ");
    Matcher runbook = RUNBOOK.matcher(raw);
    if (runbook.matches() && !words(runbook.group(1)).isEmpty()) {
      return Optional.of(new Command.Runbooks(words(runbook.group(1))));
    }
    Matcher incidents = INCIDENTS.matcher(raw);
    if (incidents.matches() && !words(incidents.group(1)).isEmpty()) {
      return Optional.of(new Command.Incidents(words(incidents.group(1))));
    }
    Matcher seen = SEEN.matcher(raw);
    if (seen.matches()) {
      String words = words(seen.group(1) != null ? seen.group(1) : seen.group(2));
      return words.isEmpty() ? Optional.empty() : Optional.of(new Command.Incidents(words));
    }
    return Optional.empty();
  }

  private static String words(String s) {
    String w = s == null ? "" : s.replaceAll("[?？。.!！]+$", "").strip();
    // "incidents like" with nothing after it: the connector is not a search term.
    return CONNECTORS.contains(w.toLowerCase(java.util.Locale.ROOT)) ? "" : w;
  }
}
