package lookout.knowledge.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {
  private static MiniLmEmbedder model;

  @BeforeAll
  static void load() {
    // The build's own directory: the test must not need a writable home.
    model = MiniLmEmbedder.load(Path.of("target", "djl-cache"));
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void vectors_are_unit_length_and_of_the_model_dimension() {
    float[] v = model.embed("pod is crash looping");

    assertThat(v).hasSize(model.dimension());
    assertThat(dot(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-3f));
  }

  @Test
  void paraphrases_are_closer_than_unrelated_text() {
    List<float[]> v =
        model.embedAll(
            List.of(
                "the container keeps restarting",
                "pod is crash looping",
                "certificate of the API server expires soon"));

    assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)));
  }

  @Test
  void blank_text_still_embeds() {
    assertThat(model.embed(" ")).hasSize(384);
  }

  @Test
  void none_is_switched_off() {
    assertThat(Embedder.none().enabled()).isFalse();
  }
}
