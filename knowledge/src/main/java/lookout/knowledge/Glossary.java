package lookout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Query expansion from a reviewed glossary ({@code glossary.tsv}): runbooks are mostly English, but
 * questions come in Chinese or mixed ({@code 容器反复重启怎么办}), so known terms add their English words to
 * the query. The longest term wins where terms overlap (磁盘空间 before 磁盘). An entry whose English
 * starts with {@code = } replaces its term instead ({@code BackoffLimitExceeded} → "job failed"):
 * once a Kubernetes reason is understood, its spelling's parts ("limit", "exceeded") only mislead.
 */
final class Glossary {
  private record Entry(String term, String english, Pattern replaces) {}

  private final List<Entry> entries;
  private final Set<String> words;

  private Glossary(List<Entry> entries) {
    this.entries =
        entries.stream().sorted(Comparator.comparingInt((Entry e) -> -e.term().length())).toList();
    this.words =
        entries.stream()
            .map(Entry::term)
            .filter(t -> t.chars().allMatch(c -> c >= 'a' && c <= 'z'))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The one-word Latin terms (lower case), e.g. {@code crashloopbackoff}: known spellings. */
  Set<String> words() {
    return words;
  }

  static Glossary bundled() {
    try (InputStream in = Glossary.class.getResourceAsStream("/lookout/knowledge/glossary.tsv")) {
      if (in == null) {
        throw new IllegalStateException("missing resource /lookout/knowledge/glossary.tsv");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("while reading the query glossary", e);
    }
  }

  static Glossary parse(String tsv) {
    return new Glossary(
        tsv.lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> l.split("\t", 2))
            .filter(f -> f.length == 2)
            .map(f -> entry(f[0].strip().toLowerCase(Locale.ROOT), f[1].strip()))
            .toList());
  }

  private static Entry entry(String term, String english) {
    if (!english.startsWith("= ")) {
      return new Entry(term, english, null);
    }
    Pattern word =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new Entry(term, english.substring(2).strip(), word);
  }

  /** {@code query} with the terms of replacing entries replaced by their English words. */
  String rewrite(String query) {
    String out = query;
    for (Entry e : entries) {
      if (e.replaces() != null && out.toLowerCase(Locale.ROOT).contains(e.term())) {
        out = e.replaces().matcher(out).replaceAll(Matcher.quoteReplacement(e.english()));
      }
    }
    return out;
  }

  /**
   * The English words of the (adding) glossary terms {@code query} contains, empty if none; call
   * {@link #rewrite} first.
   */
  String expansion(String query) {
    String lower = query.toLowerCase(Locale.ROOT);
    boolean[] used = new boolean[lower.length()];
    StringBuilder extra = new StringBuilder();
    for (Entry e : entries) {
      if (e.replaces() != null) {
        continue; // rewritten, not added to
      }
      int at = lower.indexOf(e.term());
      while (at >= 0) {
        int end = at + e.term().length();
        if (free(used, at, end) && wholeWord(lower, at, end)) {
          java.util.Arrays.fill(used, at, end, true);
          extra.append(' ').append(e.english());
          break;
        }
        at = lower.indexOf(e.term(), at + 1);
      }
    }
    return extra.toString().strip();
  }

  private static boolean free(boolean[] used, int from, int to) {
    for (int i = from; i < to; i++) {
      if (used[i]) {
        return false;
      }
    }
    return true;
  }

  // Latin terms must be whole words ("unready" but not inside "unreadyness"); CJK has no spaces.
  private static boolean wholeWord(String s, int from, int to) {
    boolean latin = s.charAt(from) < 0x2E80;
    return !latin
        || (from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1)))
            && (to == s.length() || !Character.isLetterOrDigit(s.charAt(to)));
  }
}
