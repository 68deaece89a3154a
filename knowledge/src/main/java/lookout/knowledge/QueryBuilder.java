package lookout.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.knowledge.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries from user text and filters. User text is never parsed as Lucene syntax: it
 * is analyzed into terms (so {@code "}, {@code :}, {@code *}, {@code (} are just separators), and
 * the number of distinct terms is capped so a pasted log cannot exceed the clause limit.
 */
final class QueryBuilder {
  static final int MAX_TERMS = 64;

  /** An alert named in the query outweighs any number of shared words. */
  static final float ALERT_NAME_BOOST = 20f;

  /** How much a word of the subject (a finding's reason, an alert's name) weighs. */
  static final float SUBJECT_WEIGHT = 2f;

  /** BM25's k3 for words the question repeats. */
  static final float QTF_K = 2f;

  /** How much a glossary word weighs against a word of the question itself. */
  static final float EXPANSION_WEIGHT = 0.7f;

  private static final Pattern WORD =
      Pattern.compile("(?<![\\p{L}\\p{N}_])[A-Za-z][A-Za-z0-9]{5,}(?![\\p{L}\\p{N}_])");

  private QueryBuilder() {}

  /**
   * The words in the boosted fields, weighed: the subject's {@link #SUBJECT_WEIGHT} times, the
   * glossary's {@link #EXPANSION_WEIGHT} times as much as the question's own (which say more than
   * the glossary's guesses); plus any word that is an alert's name (so {@code KubePodCrashLooping}
   * puts its runbook first). Empty if there is no searchable word.
   */
  static Optional<Query> text(Analyzer analyzer, QueryWords words) {
    Map<String, Integer> subject = counts(analyzer, words.subject());
    Map<String, Integer> own = counts(analyzer, words.text());
    Map<String, Integer> extra = counts(analyzer, words.expansion());
    own.keySet().removeAll(subject.keySet());
    extra.keySet().removeAll(subject.keySet());
    extra.keySet().removeAll(own.keySet());
    if (subject.isEmpty() && own.isEmpty() && extra.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    subject.forEach((t, n) -> addTerm(query, t, SUBJECT_WEIGHT * repeated(n)));
    own.forEach((t, n) -> addTerm(query, t, repeated(n)));
    extra.forEach((t, n) -> addTerm(query, t, EXPANSION_WEIGHT * repeated(n)));
    for (String name : alertNameCandidates(words.subject() + " " + words.text())) {
      Query q = new TermQuery(new Term(Fields.ALERT_EXACT, name));
      query.add(new BoostQuery(q, ALERT_NAME_BOOST), Occur.SHOULD);
    }
    return Optional.of(query.build());
  }

  private static void addTerm(BooleanQuery.Builder query, String term, float weight) {
    for (Map.Entry<String, Float> field : Fields.BOOSTS.entrySet()) {
      Query q = new TermQuery(new Term(field.getKey(), term));
      query.add(new BoostQuery(q, field.getValue() * weight), Occur.SHOULD);
    }
  }

  /** Words that could be an alert name, lower case: letters and digits, 6 characters or more. */
  static Set<String> alertNameCandidates(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find() && names.size() < MAX_TERMS) {
      names.add(Fields.exact(m.group()));
    }
    return names;
  }

  static Set<String> terms(Analyzer analyzer, String text) {
    return new LinkedHashSet<>(counts(analyzer, text).keySet());
  }

  /**
   * The distinct analyzed terms of {@code text} (at most {@link #MAX_TERMS}), with their counts.
   */
  static Map<String, Integer> counts(Analyzer analyzer, String text) {
    Map<String, Integer> terms = new LinkedHashMap<>();
    try (TokenStream tokens = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        String t = term.toString();
        if (terms.containsKey(t) || terms.size() < MAX_TERMS) {
          terms.merge(t, 1, Integer::sum);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("while analyzing the query", e);
    }
    return terms;
  }

  /**
   * A word the question repeats matters more, with diminishing returns (BM25's query-term
   * saturation: 1, 1.33, 1.5, … towards 2).
   */
  static float repeated(int count) {
    return (QTF_K + 1) * count / (QTF_K + count);
  }

  /** The request's filters as one query, empty when it has none. */
  static Optional<Query> filter(SearchRequest r) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    boolean any = false;
    if (!r.kinds().isEmpty()) {
      BooleanQuery.Builder kinds = new BooleanQuery.Builder();
      r.kinds().forEach(k -> kinds.add(new TermQuery(new Term(Fields.KIND, k)), Occur.SHOULD));
      filter.add(kinds.build(), Occur.FILTER);
      any = true;
    }
    any |= exact(filter, Fields.NAMESPACE, r.namespace());
    any |= exact(filter, Fields.SERVICE, r.service());
    any |= exact(filter, Fields.CLUSTER, r.cluster());
    any |= exact(filter, Fields.ALERT_EXACT, Fields.exact(r.alertName()));
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : r.from().toEpochMilli();
      long to = r.to() == null ? Long.MAX_VALUE : r.to().toEpochMilli();
      filter.add(LongPoint.newRangeQuery(Fields.TIME, from, to), Occur.FILTER);
      any = true;
    }
    return any ? Optional.of(filter.build()) : Optional.empty();
  }

  private static boolean exact(BooleanQuery.Builder filter, String field, String value) {
    if (value.isEmpty()) {
      return false;
    }
    filter.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    return true;
  }
}
