package lookout.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadinessTest {
  @Test
  void a_failing_or_throwing_check_counts_as_down() {
    Readiness readiness =
        new Readiness()
            .add("database", () -> true)
            .add("cluster", () -> false)
            .add(
                "knowledge",
                () -> {
                  throw new IllegalStateException("index closed");
                });

    assertThat(readiness.run())
        .containsEntry("database", true)
        .containsEntry("cluster", false)
        .containsEntry("knowledge", false);
  }
}
