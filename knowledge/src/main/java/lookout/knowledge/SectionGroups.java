package lookout.knowledge;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.knowledge.index.Fields;
import lookout.knowledge.index.IndexDocument;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;

/**
 * Ranks runbooks (and incidents) rather than sections. The sections of one group collapse into one
 * entry scored by its best section, raised by how much of its title the question covers (of two
 * runbooks sharing words with "Alertmanager failed to send notifications", the one titled
 * "Alertmanager Failed To Send Alerts" beats "Alertmanager Cluster Failed To Send Alerts"). The
 * entry shows the section whose heading the question asks for ("how do I fix …" → Mitigation) when
 * one of its sections matched, else its best section.
 */
final class SectionGroups {
  /** How much a title fully covered by the question raises its runbook's score (× 2). */
  static final float COVER = 1f;

  /** The first distinctive title word names the subject and counts this many times. */
  static final int HEAD = 2;

  /** Title words of more than this share of runbook sections (kube) say nothing. */
  static final float COMMON = 0.2f;

  /** One runbook file or incident: the section shown for it, and its score. */
  record Group(String key, int doc, float score) {}

  private SectionGroups() {}

  /**
   * @param ranked section hits, best first
   * @param queryTerms the analyzed query terms; empty to rank by the sections' scores alone
   */
  static List<Group> collapse(
      List<ScoreDoc> ranked,
      IndexReader reader,
      StoredFields stored,
      Analyzer analyzer,
      Set<String> queryTerms)
      throws IOException {
    Map<String, Group> groups = new LinkedHashMap<>();
    Map<String, Integer> asked = new LinkedHashMap<>();
    for (ScoreDoc sd : ranked) {
      Document doc = stored.document(sd.doc, Set.of(Fields.GROUP, Fields.HEADINGS, Fields.TITLE));
      String key = doc.get(Fields.GROUP);
      if (!groups.containsKey(key)) {
        float cover =
            queryTerms.isEmpty()
                ? 0
                : coverage(reader, analyzer, doc.get(Fields.TITLE), queryTerms);
        groups.put(key, new Group(key, sd.doc, sd.score * (1 + COVER * cover)));
      }
      if (!asked.containsKey(key) && asks(analyzer, doc.get(Fields.HEADINGS), queryTerms)) {
        asked.put(key, sd.doc);
      }
    }
    List<Group> out = new ArrayList<>();
    for (Group g : groups.values()) {
      out.add(new Group(g.key(), asked.getOrDefault(g.key(), g.doc()), g.score()));
    }
    out.sort((a, b) -> Float.compare(b.score(), a.score()));
    return out;
  }

  /** The share of the title's distinctive words that the question has. */
  static float coverage(IndexReader reader, Analyzer analyzer, String title, Set<String> queryTerms)
      throws IOException {
    int words = 0;
    int covered = 0;
    // Relative to the runbook sections: incidents must not make "kube" look distinctive.
    int docs = Math.max(1, reader.docFreq(new Term(Fields.KIND, IndexDocument.RUNBOOK)));
    for (String t : QueryBuilder.terms(analyzer, title == null ? "" : title)) {
      if (reader.docFreq(new Term(Fields.TITLE, t)) <= COMMON * docs) {
        // The first distinctive word names the subject (Prometheus, Alertmanager, Kubelet):
        int weight = words == 0 ? HEAD : 1;
        words += weight;
        covered += queryTerms.contains(t) ? weight : 0;
      }
    }
    return words == 0 ? 0 : (float) covered / words;
  }

  private static boolean asks(Analyzer analyzer, String heading, Set<String> queryTerms) {
    return heading != null
        && !heading.isEmpty()
        && QueryBuilder.terms(analyzer, heading).stream().anyMatch(queryTerms::contains);
  }

  /**
   * Reciprocal rank fusion of two group rankings: each gives 1/(k + rank), a group in both adds up;
   * the section shown is the first list's when it has the group.
   */
  static List<Group> fuse(List<Group> a, List<Group> b, int k) {
    Map<String, Group> fused = new LinkedHashMap<>();
    for (List<Group> list : List.of(a, b)) {
      for (int rank = 0; rank < list.size(); rank++) {
        Group g = list.get(rank);
        float add = 1f / (k + rank + 1);
        Group seen = fused.get(g.key());
        fused.put(
            g.key(),
            seen == null
                ? new Group(g.key(), g.doc(), add)
                : new Group(g.key(), seen.doc(), seen.score() + add));
      }
    }
    List<Group> out = new ArrayList<>(fused.values());
    out.sort((x, y) -> Float.compare(y.score(), x.score()));
    return out;
  }
}
