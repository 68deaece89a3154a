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

  @Test
  void each_cluster_is_named_and_one_down_of_several_keeps_lookout_ready() {
    Readiness readiness =
        new Readiness()
            .add("database", () -> true)
            .addGroup("cluster", () -> java.util.Map.of("prod-eu", true, "prod-us", false));

    var results = readiness.run();

    assertThat(results)
        .containsEntry("cluster prod-eu", true)
        .containsEntry("cluster prod-us", false)
        .containsEntry("cluster", true);
    assertThat(readiness.ready(results)).isTrue();
  }

  @Test
  void every_cluster_down_or_a_failed_check_is_not_ready() {
    Readiness clustersDown =
        new Readiness()
            .add("database", () -> true)
            .addGroup("cluster", () -> java.util.Map.of("prod-eu", false, "prod-us", false));
    Readiness databaseDown =
        new Readiness()
            .add("database", () -> false)
            .addGroup("cluster", () -> java.util.Map.of("prod-eu", true));

    assertThat(clustersDown.ready(clustersDown.run())).isFalse();
    assertThat(databaseDown.ready(databaseDown.run())).isFalse();
  }
}
