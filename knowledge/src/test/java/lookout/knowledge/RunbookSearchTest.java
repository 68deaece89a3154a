package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runbook a finding, an alert or a question leads to, over the bundled sample runbooks. */
class RunbookSearchTest {
  private static KnowledgeBase base;

  @BeforeAll
  static void open() throws Exception {
    base = KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
    base.indexBundledRunbooks();
  }

  @AfterAll
  static void close() throws Exception {
    base.close();
  }

  private static String first(RunbookQuery q) {
    List<Hit> hits = base.runbooks(q, 3);
    assertThat(hits).as("hits for %s", q).isNotEmpty();
    return hits.get(0).location();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      OOMKilled         | OOMKilled                  | Pod        | container api was OOMKilled 3 times, limit 256Mi        | kubernetes/KubePodCrashLooping.md
      CreateContainerConfigError | CreateContainerConfigError | Pod | container app cannot start: configmap "x" not found | kubernetes/KubeContainerWaiting.md
      ImagePullBackOff  | ErrImagePull               | Pod        | image ghcr.io/acme/api:v2 cannot be pulled: not found   | kubernetes/KubeContainerWaiting.md
      Pending           | FailedScheduling           | Pod        | pod cannot be scheduled: 0/3 nodes are available: 3 Insufficient memory. | kubernetes/KubePodNotReady.md
      Job               | BackoffLimitExceeded       | Job        | job batch/report failed: Job has reached the specified backoff limit | kubernetes/KubeJobFailed.md
      NodeNotReady      | NodeStatusUnknown          | Node       | node worker-2 is NotReady: Kubelet stopped posting node status. | kubernetes/KubeNodeNotReady.md
      PvcUnbound        | ProvisioningFailed         | PersistentVolumeClaim | claim data/pg is Pending: storageclass "fast" not found | kubernetes/KubePersistentVolumeErrors.md
      """)
  void a_finding_leads_to_the_runbook_of_the_alert_its_state_fires(
      String analyzer, String reason, String kind, String summary, String runbook) {
    String location = first(RunbookQuery.finding(analyzer, reason, kind, summary));

    assertThat(location).startsWith(runbook);
  }

  @Test
  void an_alert_with_a_runbook_of_its_name_gets_that_runbook() {
    RunbookQuery q =
        RunbookQuery.alert(
            "KubeHpaMaxedOut",
            Map.of("namespace", "shop", "horizontalpodautoscaler", "frontend"),
            "HPA is running at max replicas",
            "HPA shop/frontend has been running at max replicas for longer than 15 minutes.");

    assertThat(first(q)).startsWith("kubernetes/KubeHpaMaxedOut.md");
  }

  @Test
  void a_question_asking_how_to_fix_points_at_the_mitigation_section() {
    assertThat(first(RunbookQuery.question("how do I fix a crash looping pod")))
        .isEqualTo("kubernetes/KubePodCrashLooping.md#mitigation");
  }

  @Test
  void one_hit_per_runbook() {
    List<Hit> hits = base.runbooks(RunbookQuery.question("node not ready"), 5);

    assertThat(hits).extracting(h -> h.location().replaceFirst("#.*", "")).doesNotHaveDuplicates();
  }

  @Test
  void a_search_without_runbook_handling_searches_all_the_words() {
    List<String> asked = new java.util.ArrayList<>();
    Search plain =
        (query, limit) -> {
          asked.add(query);
          return List.of();
        };

    plain.runbooks(RunbookQuery.finding("OOMKilled", "OOMKilled", "Pod", "limit 256Mi"), 3);

    assertThat(asked).containsExactly("OOMKilled OOMKilled Pod limit 256Mi");
  }
}
