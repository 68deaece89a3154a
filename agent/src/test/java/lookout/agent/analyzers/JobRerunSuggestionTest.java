package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.approvals.RerunJob;
import org.junit.jupiter.api.Test;

/** A Job that ran out of retries is offered for a re-run, for an approver to judge. */
class JobRerunSuggestionTest {
  static final String JOB =
      """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: reindex-7, namespace: shop}
      spec: {backoffLimit: 2}
      status:
        failed: 3
        conditions: [{type: Failed, status: 'True', reason: %s, message: failed}]
      """;

  @Test
  void backoff_limit_exceeded_offers_a_re_run_of_the_job() {
    List<Finding> findings =
        new JobAnalyzer(CLOCK)
            .analyze(
                YamlFacts.facts(
                    new ObjectRef("Job", "shop", "reindex-7"),
                    JOB.formatted("BackoffLimitExceeded")));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.suggestions())
                    .containsExactly(new RerunJob("dev", "shop", "Job", "reindex-7")));
  }

  @Test
  void a_deadline_is_not_fixed_by_running_again() {
    List<Finding> findings =
        new JobAnalyzer(CLOCK)
            .analyze(
                YamlFacts.facts(
                    new ObjectRef("Job", "shop", "reindex-7"), JOB.formatted("DeadlineExceeded")));

    assertThat(findings).singleElement().satisfies(f -> assertThat(f.suggestions()).isEmpty());
  }
}
