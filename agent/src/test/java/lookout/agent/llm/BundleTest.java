package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import lookout.agent.Answer;
import org.junit.jupiter.api.Test;

class BundleTest {
  private static final String EVENT =
      "event FailedCreate ×21 (last 3m ago): exceeded quota: analytics-compute, requested:"
          + " requests.memory=2Gi";

  private static Answer answer(Answer.Section... sections) {
    return new Answer(
        "deployment analytics/report-worker cannot create pods: quota exhausted",
        List.of(sections),
        List.of(),
        Optional.empty(),
        false);
  }

  @Test
  void an_event_shown_under_the_finding_and_under_its_cause_is_sent_once() {
    String bundle =
        Bundle.of(
            answer(
                new Answer.Section("Evidence", List.of(EVENT, "replicas 4/6"), false),
                new Answer.Section(
                    "Cause behind it · resourcequota analytics/analytics-compute",
                    List.of("requests.memory 15Gi/16Gi (94%)", EVENT),
                    false),
                new Answer.Section("Explained by the cause above", List.of(EVENT), false)),
            3_000);

    assertThat(bundle)
        .isEqualTo(
            """
            deployment analytics/report-worker cannot create pods: quota exhausted
            Evidence:
            %s
            replicas 4/6
            Cause behind it · resourcequota analytics/analytics-compute:
            requests.memory 15Gi/16Gi (94%%)"""
                .formatted(EVENT));
  }

  @Test
  void long_lines_long_sections_and_a_long_bundle_are_cut() {
    String log = "x".repeat(500);
    List<String> many = IntStream.range(0, 20).mapToObj(i -> "line " + i).toList();

    String bundle = Bundle.of(answer(new Answer.Section("Log", List.of(log), true)), 3_000);
    assertThat(bundle.lines().toList().get(2)).hasSize(Bundle.MAX_LINE).endsWith("…");

    bundle = Bundle.of(answer(new Answer.Section("Pods", many, false)), 3_000);
    assertThat(bundle).contains("line 5").doesNotContain("line 6");

    bundle = Bundle.of(answer(new Answer.Section("Pods", many, false)), 80);
    assertThat(bundle).hasSize(80 + "…(cut)".length()).endsWith("…(cut)");
  }

  @Test
  void a_cut_never_splits_a_character_outside_the_basic_plane() {
    String line = "😀".repeat(300);

    String bundle = Bundle.of(answer(new Answer.Section("Log", List.of(line), true)), 3_000);

    String cut = bundle.lines().toList().get(2);
    assertThat(cut).endsWith("…");
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    assertThat(cut.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE))
        .as("no half of a pair left")
        .isEmpty();
  }
}
