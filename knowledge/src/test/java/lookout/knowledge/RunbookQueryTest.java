package lookout.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookQueryTest {
  @Test
  void a_finding_weighs_its_reason_and_drops_the_names_in_its_summary() {
    RunbookQuery q =
        RunbookQuery.finding(
            "CreateContainerConfigError",
            "CreateContainerConfigError",
            "Pod",
            "container app of shop/catalog-7d9f8b6c4-x2k9p cannot start: configmap"
                + " \"catalog-config\" not found");

    assertThat(q.subject()).isEqualTo("CreateContainerConfigError CreateContainerConfigError Pod");
    assertThat(q.details()).isEqualTo("container app of cannot start: configmap not found");
  }

  @Test
  void ratios_and_words_before_a_colon_are_not_names() {
    RunbookQuery q =
        RunbookQuery.finding(
            "Pending",
            "FailedScheduling",
            "Pod",
            "pod cannot be scheduled: 0/5 nodes are available: 5 Insufficient cpu.");

    assertThat(q.details())
        .isEqualTo("pod cannot be scheduled: 0/5 nodes are available: 5 Insufficient cpu.");
  }

  @Test
  void an_alert_is_its_name_and_annotations_without_its_label_values() {
    RunbookQuery q =
        RunbookQuery.alert(
            "KubePodCrashLooping",
            Map.of("namespace", "payments", "pod", "ledger-0", "container", "ledger"),
            "Pod is crash looping.",
            "Pod payments/ledger-0 (ledger) is in waiting state (reason: \"CrashLoopBackOff\").");

    assertThat(q.subject()).isEqualTo("KubePodCrashLooping");
    assertThat(q.details()).doesNotContain("payments", "ledger").contains("crash looping");
  }

  @Test
  void a_question_is_taken_as_typed() {
    RunbookQuery q = RunbookQuery.question("payment-api 一直 crashloop 怎么排查");

    assertThat(q.subject()).isEmpty();
    assertThat(q.text()).isEqualTo("payment-api 一直 crashloop 怎么排查");
  }
}
