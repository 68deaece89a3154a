package lookout.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An alert is analysed, and silenced, on the cluster its label names. */
class AlertClusterTest {
  static final AlertCluster TWO =
      new AlertCluster("cluster", Set.of("prod-eu", "prod-us"), "prod-eu");

  static Notification crashing(Map<String, String> extra) {
    Map<String, String> labels =
        new java.util.HashMap<>(
            Map.of("alertname", "KubePodCrashLooping", "namespace", "shop", "deployment", "cart"));
    labels.putAll(extra);
    return Notifications.group("g1", labels, 1, 1, Instant.parse("2026-12-06T10:00:00Z"));
  }

  @Test
  void with_several_clusters_the_analysis_asks_the_labelled_cluster() {
    assertThat(AlertAnalyst.question(crashing(Map.of("cluster", "prod-us")), TWO))
        .isEqualTo("why is cart failing in shop on prod-us?");
  }

  @Test
  void an_unknown_or_missing_label_means_the_default_cluster() {
    assertThat(AlertAnalyst.question(crashing(Map.of("cluster", "nowhere")), TWO))
        .isEqualTo("why is cart failing in shop on prod-eu?");
    assertThat(AlertAnalyst.question(crashing(Map.of()), TWO))
        .isEqualTo("why is cart failing in shop on prod-eu?");
  }

  @Test
  void another_label_can_name_the_cluster() {
    AlertCluster byK8s = new AlertCluster("k8s_cluster", Set.of("prod-eu", "prod-us"), "prod-eu");

    assertThat(AlertAnalyst.question(crashing(Map.of("k8s_cluster", "prod-us")), byK8s))
        .endsWith("on prod-us?");
    assertThat(SilenceScope.of(crashing(Map.of("k8s_cluster", "prod-us")), byK8s))
        .hasValueSatisfying(s -> assertThat(s.cluster()).isEqualTo("prod-us"));
  }

  @Test
  void with_one_cluster_the_question_names_none() {
    assertThat(
            AlertAnalyst.question(
                crashing(Map.of("cluster", "prod-eu")),
                new AlertCluster("cluster", Set.of("prod-eu"), "prod-eu")))
        .isEqualTo("why is cart failing in shop?");
  }
}
