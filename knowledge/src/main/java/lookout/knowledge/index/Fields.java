package lookout.knowledge.index;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Field names and the mapping between {@link IndexDocument} and a Lucene document. */
public final class Fields {
  public static final String ID = "id";
  public static final String KIND = "kind";
  public static final String TITLE = "title";
  public static final String ALERT = "alert";
  public static final String ALERT_EXACT = "alert_exact";
  public static final String ABOUT = "about";
  public static final String WORDS = "words";
  public static final String HEADINGS = "headings";
  public static final String BODY = "body";
  public static final String NAMESPACE = "namespace";
  public static final String SERVICE = "service";
  public static final String CLUSTER = "cluster";
  public static final String TIME = "time";
  public static final String LOCATION = "location";
  public static final String GROUP = "group";
  public static final String SOURCE = "source";
  public static final String HASH = "hash";
  public static final String VECTOR = "vector";
  public static final String EMBEDDED = "embedded";

  /** Analyzed fields searched by words, with their weight: names and headings beat body text. */
  public static final Map<String, Float> BOOSTS =
      Map.of(TITLE, 3f, ALERT, 3f, ABOUT, 1.5f, HEADINGS, 2f, BODY, 1f);

  /** Indexed words only (no positions, frequencies, norms or stored text): a vocabulary. */
  private static final FieldType WORDS_TYPE = wordsType();

  private Fields() {}

  private static FieldType wordsType() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  /**
   * The Lucene document for {@code d}.
   *
   * @param source what it was read from (file path, {@code incident}), for incremental updates
   * @param hash the source's content hash, empty if not tracked
   * @param vector unit-length embedding, or null when none was computed (yet)
   */
  static Document toLucene(IndexDocument d, String source, String hash, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ID, d.id(), Field.Store.YES));
    doc.add(new StringField(KIND, d.kind(), Field.Store.YES));
    doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
    doc.add(new TextField(ALERT, d.alertName(), Field.Store.YES));
    doc.add(new StringField(ALERT_EXACT, exact(d.alertName()), Field.Store.NO));
    doc.add(new TextField(ABOUT, d.about(), Field.Store.YES));
    doc.add(new TextField(HEADINGS, d.headings(), Field.Store.YES));
    doc.add(new TextField(BODY, d.body(), Field.Store.YES));
    doc.add(new Field(WORDS, String.join("\n", d.title(), d.headings(), d.body()), WORDS_TYPE));
    doc.add(new StringField(NAMESPACE, d.namespace(), Field.Store.YES));
    doc.add(new StringField(SERVICE, d.service(), Field.Store.YES));
    doc.add(new StringField(CLUSTER, d.cluster(), Field.Store.YES));
    if (d.time() != null) {
      doc.add(new LongPoint(TIME, d.time().toEpochMilli()));
      doc.add(new StoredField(TIME, d.time().toEpochMilli()));
    }
    doc.add(new StoredField(LOCATION, d.location()));
    doc.add(new StringField(GROUP, d.group(), Field.Store.YES));
    doc.add(new StringField(SOURCE, source, Field.Store.YES));
    doc.add(new StoredField(HASH, hash));
    if (vector != null) {
      doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    }
    doc.add(new StringField(EMBEDDED, vector == null ? "0" : "1", Field.Store.NO));
    return doc;
  }

  /** The document back from its stored fields. */
  static IndexDocument fromStored(Document doc) {
    var time = doc.getField(TIME);
    return new IndexDocument(
        doc.get(ID),
        doc.get(KIND),
        doc.get(TITLE),
        doc.get(ALERT),
        doc.get(ABOUT),
        doc.get(HEADINGS),
        doc.get(BODY),
        doc.get(NAMESPACE),
        doc.get(SERVICE),
        doc.get(CLUSTER),
        time == null ? null : Instant.ofEpochMilli(time.numericValue().longValue()),
        doc.get(LOCATION),
        doc.get(GROUP));
  }

  /** Alert names compare case-insensitively: {@code kubepodcrashlooping} finds the runbook. */
  public static String exact(String alertName) {
    return alertName.strip().toLowerCase(Locale.ROOT);
  }
}
