package lookout.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private QueryBuilder() {}

  /** Words of {@code text} in the boosted fields; empty if it has no searchable word. */
  static Optional<Query> text(Analyzer analyzer, String text) {
    Set<String> terms = terms(analyzer, text);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : terms) {
      for (Map.Entry<String, Float> field : Fields.BOOSTS.entrySet()) {
        Query q = new TermQuery(new Term(field.getKey(), term));
        query.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
      }
    }
    return Optional.of(query.build());
  }

  static Set<String> terms(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("while analyzing the query", e);
    }
    return terms;
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
