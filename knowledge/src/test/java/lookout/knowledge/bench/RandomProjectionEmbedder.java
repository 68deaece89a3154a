package lookout.knowledge.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import lookout.knowledge.embed.Embedder;

/**
 * A stand-in for MiniLM at benchmark scale: each word maps to a fixed pseudo-random 384-d vector
 * and a text is the normalized sum. Same dimension and similarity as the real model, so HNSW
 * indexing and KNN search cost the same, without 5 minutes of embedding 100,000 texts.
 */
final class RandomProjectionEmbedder implements Embedder {
  static final int DIM = 384;

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[DIM];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty()) {
        continue;
      }
      SplittableRandom r = new SplittableRandom(word.hashCode());
      for (int i = 0; i < DIM; i++) {
        v[i] += (float) r.nextGaussian();
      }
    }
    v[0] += 1e-3f;
    return Embedder.normalize(v);
  }
}
