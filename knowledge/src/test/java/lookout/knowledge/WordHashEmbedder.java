package lookout.knowledge;

import java.util.Locale;
import lookout.knowledge.embed.Embedder;

/** A fake model: words hashed into 64 buckets. Similar wording, similar vectors; no model file. */
final class WordHashEmbedder implements Embedder {
  @Override
  public int dimension() {
    return 64;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[64];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), 64)] += 1;
      }
    }
    v[0] += 0.01f;
    return Embedder.normalize(v);
  }
}
