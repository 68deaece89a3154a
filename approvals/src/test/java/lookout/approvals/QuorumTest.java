package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** N-of-M: a rule's {@code approvals: N} needs N distinct approvers before anything runs. */
class QuorumTest {
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob, console:carol]
        crowd: [%s]
      rules:
        - name: prod
          namespaces: [prod]
          approvers: ["group:sre"]
          approvals: 2
          maxReplicas: 20
        - name: crowd
          namespaces: [crowd]
          approvers: ["group:crowd"]
          approvals: 2
        - name: staging
          namespaces: ["*"]
          approvers: ["group:sre"]
      """
          .formatted(
              IntStream.range(0, 50)
                  .mapToObj(i -> "console:u" + i)
                  .collect(Collectors.joining(", ")));

  @TempDir Path dir;

  static Stream<Arguments> clickSequences() {
    return Stream.of(
        // namespace, clickers in order, final state, executions
        Arguments.of("prod", List.of("console:bob"), State.PENDING, 0),
        Arguments.of("prod", List.of("console:bob", "console:bob"), State.PENDING, 0),
        Arguments.of("prod", List.of("console:alice", "console:bob"), State.PENDING, 0),
        Arguments.of("prod", List.of("console:bob", "console:carol"), State.SUCCEEDED, 1),
        Arguments.of("prod", List.of("console:bob", "console:mallory"), State.PENDING, 0),
        Arguments.of("staging", List.of("console:bob"), State.SUCCEEDED, 1));
  }

  @ParameterizedTest
  @MethodSource("clickSequences")
  void a_request_runs_only_after_enough_distinct_approvers(
      String namespace, List<String> clickers, State end, int executions) {
    Fixture f = new Fixture(dir, POLICY);
    ApprovalRequest r =
        f.approvals.request(new RestartDeployment("sandbox", namespace, "api"), "console:alice");

    for (String who : clickers) {
      if (f.approvals.decide(f.approvals.approveToken(r), who).outcome() == Outcome.APPROVED) {
        f.approvals.execute(r.id());
      }
    }

    assertThat(f.approvals.find(r.id()).orElseThrow().state()).isEqualTo(end);
    assertThat(f.executor.calls()).isEqualTo(executions);
  }

  @Test
  void first_of_two_approvals_says_who_else_is_needed() {
    Fixture f = new Fixture(dir, POLICY);
    ApprovalRequest r =
        f.approvals.request(new RestartDeployment("sandbox", "prod", "api"), "console:alice");

    Decision first = f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    Decision again = f.approvals.decide(f.approvals.approveToken(r), "console:bob");

    assertThat(first.outcome()).isEqualTo(Outcome.APPROVAL_RECORDED);
    assertThat(first.message())
        .isEqualTo(
            "your approval is recorded (1 of 2); waiting for 1 more approval from group:sre");
    assertThat(first.request().orElseThrow().missingApprovals()).isEqualTo(1);
    assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(again.message()).startsWith("you already approved this");
    assertThat(f.approvals.audit(r.id()))
        .extracting(AuditEntry::event)
        .containsExactly("requested", "approved", "duplicate");
  }

  @Test
  void fifty_concurrent_approve_clicks_execute_once() throws Exception {
    Fixture f = new Fixture(dir, POLICY);
    Approvals second = f.another();
    ApprovalRequest r =
        f.approvals.request(new RestartDeployment("sandbox", "crowd", "api"), "console:alice");
    String token = f.approvals.approveToken(r);

    List<Decision> decisions =
        Concurrently.run(
            50,
            i -> {
              Approvals replica = i % 2 == 0 ? f.approvals : second;
              Decision d = replica.decide(token, "console:u" + i);
              replica.execute(r.id());
              return d;
            });

    assertThat(f.executor.calls()).isEqualTo(1);
    assertThat(decisions).filteredOn(d -> d.outcome() == Outcome.APPROVED).hasSize(1);
    assertThat(decisions).filteredOn(d -> d.outcome() == Outcome.APPROVAL_RECORDED).hasSize(1);
    ApprovalRequest done = f.approvals.find(r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.approvals()).hasSize(2).doesNotHaveDuplicates();
    List<AuditEntry> audit = f.approvals.audit(r.id());
    assertThat(audit)
        .extracting(AuditEntry::event)
        .filteredOn(e -> !e.equals("duplicate") && !e.equals("refused"))
        .containsExactly("requested", "approved", "approved", "executing", "succeeded");
    assertThat(audit)
        .as("each of the 50 clicks has its row")
        .filteredOn(e -> e.actor().startsWith("console:u"))
        .hasSize(50);
  }
}
