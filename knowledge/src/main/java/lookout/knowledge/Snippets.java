package lookout.knowledge;

import java.io.IOException;
import java.util.List;
import lookout.knowledge.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Short extracts of the body around the matched words, marked {@code **word**} (Markdown bold, as
 * every chat platform renders it). Hits found only by meaning get the section's opening instead.
 */
final class Snippets {
  static final int MAX_CHARS = 300;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  String[] of(IndexSearcher searcher, Query text, List<ScoreDoc> hits, List<Document> docs)
      throws IOException {
    String[] out = new String[hits.size()];
    String[] marked = new String[hits.size()];
    if (text != null && !hits.isEmpty()) {
      UnifiedHighlighter highlighter =
          UnifiedHighlighter.builder(searcher, analyzer)
              .withFormatter(new DefaultPassageFormatter("**", "**", " … ", false))
              .withMaxLength(20_000)
              .build();
      int[] ids = hits.stream().mapToInt(h -> h.doc).toArray();
      int[] passages = new int[] {2};
      marked =
          highlighter
              .highlightFields(new String[] {Fields.BODY}, text, ids, passages)
              .get(Fields.BODY);
    }
    for (int i = 0; i < out.length; i++) {
      String s = marked[i] != null ? marked[i] : docs.get(i).get(Fields.BODY);
      out[i] = cut(s == null ? "" : s.replaceAll("\\s+", " ").strip());
    }
    return out;
  }

  static String cut(String s) {
    if (s.length() <= MAX_CHARS) {
      return s;
    }
    String cut = s.substring(0, MAX_CHARS);
    // Never leave a bold marker open: chat renderers would bold the rest of the message.
    boolean open = (cut.length() - cut.replace("**", "").length()) / 2 % 2 == 1;
    return cut + (open ? "**" : "") + "…";
  }
}
