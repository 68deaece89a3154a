package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three failed executions in a row of one action kind on one target open its breaker. */
class BreakerTest {
  static final BreakerKey KEY = new BreakerKey("restart", "sandbox", "prod", "checkout");

  @TempDir Path dir;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(dir);
  }

  private ApprovalRequest runOnce(Action action) {
    ApprovalRequest r = f.approvals.request(action, "console:alice");
    f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    return f.approvals.execute(r.id());
  }

  @Test
  void three_failures_in_a_row_open_the_breaker_and_refuse_requests() {
    f.executor.failingWith(new IllegalStateException("conflict, try again"));
    for (int i = 0; i < 3; i++) {
      assertThat(runOnce(Fixture.RESTART).state()).isEqualTo(State.FAILED);
    }

    assertThatThrownBy(() -> f.approvals.request(Fixture.RESTART, "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "the circuit breaker for restart of prod/checkout on cluster sandbox is open after 3"
                + " failed executions in a row (last: conflict, try again); an approver can reset"
                + " it with \"reset breaker restart prod/checkout\"");
    assertThat(f.approvals.openBreakers()).extracting(Breaker::key).containsExactly(KEY);
    // Other kinds and other targets are not blocked.
    f.executor.failingWith(null);
    assertThat(runOnce(new ScaleWorkload("sandbox", "prod", "Deployment", "checkout", 4)).state())
        .isEqualTo(State.SUCCEEDED);
    assertThat(runOnce(new RestartDeployment("sandbox", "prod", "cart")).state())
        .isEqualTo(State.SUCCEEDED);
  }

  @Test
  void a_success_in_between_starts_the_count_again() {
    f.executor.failingWith(new IllegalStateException("boom"));
    runOnce(Fixture.RESTART);
    runOnce(Fixture.RESTART);
    f.executor.failingWith(null);
    runOnce(Fixture.RESTART);
    f.executor.failingWith(new IllegalStateException("boom"));
    runOnce(Fixture.RESTART);
    runOnce(Fixture.RESTART);

    assertThat(f.approvals.openBreakers()).isEmpty();
  }

  @Test
  void the_breaker_survives_a_restart_and_only_an_approver_resets_it() {
    f.executor.failingWith(new IllegalStateException("boom"));
    for (int i = 0; i < 3; i++) {
      runOnce(Fixture.RESTART);
    }
    Approvals restarted = f.another(); // a new instance on the same database

    String refused = restarted.resetBreaker(KEY, "console:mallory");
    String reset = restarted.resetBreaker(KEY, "console:bob");
    String again = restarted.resetBreaker(KEY, "console:bob");

    assertThat(refused)
        .isEqualTo(
            "Not reset: console:mallory is not an approver for restart in prod (policy rule"
                + " prod).");
    assertThat(reset)
        .isEqualTo(
            "Reset the circuit breaker for restart of prod/checkout on cluster sandbox; requests"
                + " are accepted again.");
    assertThat(again).contains("is not open; nothing to reset");
    assertThat(restarted.openBreakers()).isEmpty();
    assertThat(restarted.request(Fixture.RESTART, "console:alice").state())
        .isEqualTo(State.PENDING);
    assertThat(restarted.audit(new AuditQuery(Instant.EPOCH, "prod", "console:bob", 100)))
        .extracting(AuditEntry::event)
        .contains("breaker-reset");
  }

  @Test
  void an_approved_request_does_not_run_while_the_breaker_is_open() {
    f.executor.failingWith(new IllegalStateException("boom"));
    ApprovalRequest waiting = f.approvals.request(Fixture.RESTART, "console:alice");
    for (int i = 0; i < 3; i++) {
      runOnce(Fixture.RESTART);
    }
    f.approvals.decide(f.approvals.approveToken(waiting), "console:bob");

    ApprovalRequest done = f.approvals.execute(waiting.id());

    assertThat(done.state()).isEqualTo(State.FAILED);
    assertThat(done.result()).startsWith("not run: the circuit breaker for restart");
    assertThat(f.executor.calls()).isEqualTo(3);
  }
}
