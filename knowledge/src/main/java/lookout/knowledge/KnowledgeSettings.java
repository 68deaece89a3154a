package lookout.knowledge;

import java.nio.file.Path;

/**
 * How to open a {@link KnowledgeBase}.
 *
 * @param dataDir where the index ({@code lucene/}) and the model cache ({@code model-cache/}) live;
 *     null keeps the index in memory (rebuilt at every start)
 * @param semantic whether to load the embedding model for semantic recall (BM25 works without)
 * @param modelCacheDir writable directory where the tokenizer unpacks its native library; null for
 *     {@code dataDir/model-cache}, or {@code ~/.djl.ai} in memory
 */
public record KnowledgeSettings(Path dataDir, boolean semantic, Path modelCacheDir) {
  public static KnowledgeSettings inMemory() {
    return new KnowledgeSettings(null, true, null);
  }

  public static KnowledgeSettings onDisk(Path dir) {
    return new KnowledgeSettings(dir, true, null);
  }

  public KnowledgeSettings withSemantic(boolean on) {
    return new KnowledgeSettings(dataDir, on, modelCacheDir);
  }

  public KnowledgeSettings withModelCache(Path dir) {
    return new KnowledgeSettings(dataDir, semantic, dir);
  }
}
