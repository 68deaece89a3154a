package lookout.knowledge;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.knowledge.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Corrects words typed in a hurry ("pendng", "crashloopbackof", "throtling"): a plain word of five
 * letters or more that neither the indexed text ({@link Fields#WORDS}) nor the glossary knows gets
 * the known word one edit away (insert, delete, replace or swap a letter) appended, the glossary's
 * first, else the index's most frequent. Words inside names ({@code fraud-scorer}, {@code
 * shop/cart}) are left alone: a workload's name is not a typo.
 */
final class Typos {
  static final int MIN_LENGTH = 5;

  /** More unknown words than this are not a typo but pasted text: leave it. */
  static final int MAX_CORRECTIONS = 8;

  private static final Pattern PLAIN = Pattern.compile("[a-z]{" + MIN_LENGTH + ",}");
  private static final Pattern EDGES = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

  private Typos() {}

  /** {@code query}, followed by the corrections of its unknown words if it has any. */
  static String correct(IndexReader reader, Glossary glossary, String query) throws IOException {
    Terms words = MultiTerms.getTerms(reader, Fields.WORDS);
    if (words == null) {
      return query;
    }
    Set<String> fixes = new LinkedHashSet<>();
    for (String chunk : query.split("\\s+")) {
      String word = EDGES.matcher(chunk).replaceAll("").toLowerCase(Locale.ROOT);
      if (fixes.size() == MAX_CORRECTIONS || !PLAIN.matcher(word).matches()) {
        continue;
      }
      if (glossary.words().contains(word) || reader.docFreq(new Term(Fields.WORDS, word)) > 0) {
        continue;
      }
      String fix = fromGlossary(glossary, word);
      if (fix == null) {
        fix = fromIndex(words, word);
      }
      if (fix != null) {
        fixes.add(fix);
      }
    }
    return fixes.isEmpty() ? query : query + " " + String.join(" ", fixes);
  }

  private static String fromGlossary(Glossary glossary, String word) {
    return glossary.words().stream()
        .filter(w -> oneEdit(word, w))
        .sorted()
        .findFirst()
        .orElse(null);
  }

  private static String fromIndex(Terms words, String word) throws IOException {
    FuzzyTermsEnum near = new FuzzyTermsEnum(words, new Term(Fields.WORDS, word), 1, 1, true);
    String best = null;
    int bestFreq = 0;
    for (BytesRef t = near.next(); t != null; t = near.next()) {
      String candidate = t.utf8ToString();
      if (near.docFreq() > bestFreq && PLAIN.matcher(candidate).matches()) {
        best = candidate;
        bestFreq = near.docFreq();
      }
    }
    return best;
  }

  /** Damerau–Levenshtein distance exactly 1 (one insert, delete, replace or adjacent swap). */
  static boolean oneEdit(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      return a.substring(i + 1).equals(b.substring(i + 1))
          || i + 1 < a.length()
              && a.charAt(i) == b.charAt(i + 1)
              && a.charAt(i + 1) == b.charAt(i)
              && a.substring(i + 2).equals(b.substring(i + 2));
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = a.length() > b.length() ? b : a;
    return longer.substring(i + 1).equals(shorter.substring(i));
  }
}
