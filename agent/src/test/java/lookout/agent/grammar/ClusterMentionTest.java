package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words that name a cluster, found and taken out of the question; nothing else is. */
class ClusterMentionTest {
  static final Set<String> CLUSTERS = Set.of("prod-eu", "prod-eu-2", "scenarios");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          why is payment-api failing in shop on scenarios?  | scenarios | why is payment-api failing in shop?
          why is checkout failing in prod-eu?               | prod-eu   | why is checkout failing?
          is checkout ok on prod-eu                         | prod-eu   | is checkout ok
          is checkout ok in the prod-eu cluster?            | prod-eu   | is checkout ok?
          prod-eu cluster: is checkout ok?                  | prod-eu   | is checkout ok?
          checkout on cluster prod-eu-2 is down             | prod-eu-2 | checkout is down
          @prod-eu why is checkout failing                  | prod-eu   | why is checkout failing
          在 prod-eu 集群 checkout 为什么起不来                  | prod-eu   | checkout 为什么起不来
          prod-eu 上的 checkout 怎么了                          | prod-eu   | checkout 怎么了
          prod-eu集群里的 checkout 有问题吗                      | prod-eu   | checkout 有问题吗
          在prod-eu的 checkout 挂了吗                           | prod-eu   | checkout 挂了吗
          """)
  void a_named_cluster_is_found_and_its_words_taken_out(String text, String cluster, String rest) {
    ClusterMention m = ClusterMention.find(text, CLUSTERS);

    assertThat(m.cluster()).isEqualTo(cluster);
    assertThat(m.rest()).isEqualTo(rest);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "why is prod-eu-api failing in shop?",
    "why is checkout failing in shop?",
    "logs of prod-eu/checkout",
    "is scenarios.example.com reachable?",
    "checkout 为什么起不来"
  })
  void names_that_are_only_part_of_another_name_are_not_clusters(String text) {
    assertThat(ClusterMention.find(text, CLUSTERS).named()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          what's broken in all clusters?  | what's broken?
          inspect all clusters            | inspect
          inspect every cluster           | inspect
          所有集群有什么问题                  | 有什么问题
          巡检所有集群                       | 巡检
          """)
  void all_clusters_is_every_cluster(String text, String rest) {
    ClusterMention m = ClusterMention.find(text, CLUSTERS);

    assertThat(m.all()).isTrue();
    assertThat(m.rest()).isEqualTo(rest);
  }
}
