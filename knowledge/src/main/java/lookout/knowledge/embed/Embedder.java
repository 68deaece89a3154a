package lookout.knowledge.embed;

import java.util.ArrayList;
import java.util.List;

/** Turns text into a unit-length vector. Thread-safe. */
public interface Embedder {
  /** Vector length; 0 for {@link #none()}. */
  int dimension();

  /** The text's embedding, normalized to length 1 (so dot product is cosine similarity). */
  float[] embed(String text);

  /** Embeddings of several texts; implementations may batch or parallelize. */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    for (String text : texts) {
      vectors.add(embed(text));
    }
    return vectors;
  }

  /** True if this embedder computes vectors (false for {@link #none()}). */
  default boolean enabled() {
    return dimension() > 0;
  }

  /** No semantic recall: search is BM25 only. */
  static Embedder none() {
    return NoEmbedder.INSTANCE;
  }

  /** Scales {@code v} to length 1 in place (a zero vector stays zero) and returns it. */
  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inv;
      }
    }
    return v;
  }
}
