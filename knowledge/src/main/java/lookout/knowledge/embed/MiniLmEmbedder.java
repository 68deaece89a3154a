package lookout.knowledge.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (int8-quantized, 384 dimensions) run in-process with ONNX Runtime, loaded from
 * the jar: nothing is downloaded. Loading takes 1–2 s, so callers do it in the background.
 */
public final class MiniLmEmbedder implements Embedder {
  /** DJL unpacks its native tokenizer here; the home directory may not be writable. */
  static final String DJL_CACHE_PROPERTY = "DJL_CACHE_DIR";

  private final EmbeddingModel model;

  private MiniLmEmbedder(EmbeddingModel model) {
    this.model = model;
  }

  /**
   * Loads the model.
   *
   * @param cacheDir writable directory for the tokenizer's native library, or null to keep DJL's
   *     default ({@code ~/.djl.ai}, or the {@code DJL_CACHE_DIR} property/variable if set)
   */
  public static MiniLmEmbedder load(Path cacheDir) {
    if (cacheDir != null && System.getProperty(DJL_CACHE_PROPERTY) == null) {
      try {
        Files.createDirectories(cacheDir);
      } catch (IOException e) {
        throw new UncheckedIOException("while creating the model cache dir " + cacheDir, e);
      }
      // DJL reads only this process-wide property; set once, before the first load.
      System.setProperty(DJL_CACHE_PROPERTY, cacheDir.toAbsolutePath().toString());
    }
    return new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel());
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public float[] embed(String text) {
    return Embedder.normalize(model.embed(text.isBlank() ? "-" : text).content().vector());
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<TextSegment> segments =
        texts.stream().map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
    return model.embedAll(segments).content().stream()
        .map(Embedding::vector)
        .map(Embedder::normalize)
        .toList();
  }
}
