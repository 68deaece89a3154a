package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalFlowTest {
  @TempDir Path dir;
  Fixture f;
  Approvals approvals;

  @BeforeEach
  void setUp() {
    f = new Fixture(dir);
    approvals = f.approvals;
  }

  @Test
  void requester_cannot_approve_own_request() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");

    Decision d = approvals.decide(approvals.approveToken(r), "console:alice");

    assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(d.message()).isEqualTo("you requested this; another approver must approve");
    assertThat(approvals.find(r.id()).orElseThrow().state()).isEqualTo(State.PENDING);
  }

  @Test
  void other_approver_executes_once() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");

    Decision d = approvals.decide(approvals.approveToken(r), "console:bob");
    ApprovalRequest done = approvals.execute(r.id());
    ApprovalRequest again = approvals.execute(r.id());

    assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(d.message()).isEqualTo("approved by console:bob");
    assertThat(d.request().orElseThrow().approvals()).containsExactly("console:bob");
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.result()).isEqualTo("done: restart deployment prod/checkout");
    assertThat(done.decidedBy()).isEqualTo("console:bob");
    assertThat(again).isEqualTo(done);
    assertThat(f.executor.actions()).containsExactly(Fixture.RESTART);
  }

  @Test
  void non_approver_click_changes_nothing() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");

    Decision approve = approvals.decide(approvals.approveToken(r), "console:mallory");
    Decision reject = approvals.decide(approvals.rejectToken(r), "console:mallory");
    ApprovalRequest after = approvals.execute(r.id());

    assertThat(approve.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(approve.message()).isEqualTo("console:mallory is not an approver for prod");
    assertThat(reject.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(after).isEqualTo(r);
    assertThat(f.executor.calls()).isZero();
    assertThat(approvals.audit(r.id()))
        .extracting(AuditEntry::event)
        .containsExactly("requested", "refused", "refused");
  }

  @Test
  void approver_of_another_rule_is_not_an_approver_here() {
    // console:dave approves in the catch-all rule only; prod matched first.
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");

    Decision d = approvals.decide(approvals.approveToken(r), "console:dave");

    assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
    ApprovalRequest dev =
        approvals.request(new RestartDeployment("sandbox", "dev", "x"), "slack:U1");
    assertThat(approvals.decide(approvals.approveToken(dev), "console:dave").outcome())
        .isEqualTo(Outcome.APPROVED);
  }

  @Test
  void reject_by_approver() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");

    Decision d = approvals.decide(approvals.rejectToken(r), "console:bob");
    ApprovalRequest after = approvals.execute(r.id());
    Decision late = approvals.decide(approvals.approveToken(r), "console:bob");

    assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(d.message()).isEqualTo("rejected by console:bob");
    assertThat(after.state()).isEqualTo(State.REJECTED);
    assertThat(after.decidedBy()).isEqualTo("console:bob");
    assertThat(late.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(late.message()).isEqualTo("already rejected by console:bob");
    assertThat(f.executor.calls()).isZero();
  }

  @Test
  void requester_may_cancel_own_request() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "slack:U0123");

    Decision d = approvals.decide(approvals.rejectToken(r), "slack:U0123");

    assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(d.message()).isEqualTo("cancelled by slack:U0123");
    assertThat(approvals.audit(r.id())).extracting(AuditEntry::event).endsWith("cancelled");
  }

  @Test
  void replayed_token_after_approval_is_already_decided() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");
    String token = approvals.approveToken(r);
    approvals.decide(token, "console:bob");

    Decision beforeRun = approvals.decide(token, "console:bob");
    approvals.execute(r.id());
    Decision afterRun = approvals.decide(token, "console:alice");

    assertThat(beforeRun.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(beforeRun.message()).isEqualTo("already approved by console:bob");
    assertThat(afterRun.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(afterRun.message())
        .startsWith("already approved by console:bob and done: done: restart");
    assertThat(f.executor.calls()).isEqualTo(1);
  }

  @Test
  void executor_failure_marks_failed_with_reason() {
    f.executor.failingWith(new IllegalStateException("deployments.apps \"checkout\" not found"));
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");
    approvals.decide(approvals.approveToken(r), "console:bob");

    ApprovalRequest done = approvals.execute(r.id());

    assertThat(done.state()).isEqualTo(State.FAILED);
    assertThat(done.result()).isEqualTo("deployments.apps \"checkout\" not found");
    assertThat(approvals.execute(r.id())).isEqualTo(done);
    assertThat(f.executor.calls()).isEqualTo(1);
    assertThat(approvals.audit(r.id()).getLast().detail()).contains("not found");
  }

  @Test
  void audit_records_every_transition() {
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");
    approvals.attachMessage(r.id(), "console:ops/42");
    approvals.decide(approvals.approveToken(r), "console:bob");
    approvals.execute(r.id());

    var audit = approvals.audit(r.id());

    assertThat(audit)
        .extracting(AuditEntry::event, AuditEntry::actor)
        .containsExactly(
            tuple("requested", "console:alice"),
            tuple("approved", "console:bob"),
            tuple("executing", "system"),
            tuple("succeeded", "system"));
    assertThat(audit).extracting(AuditEntry::seq).isSorted().doesNotHaveDuplicates();
    assertThat(audit).allSatisfy(e -> assertThat(e.requestId()).isEqualTo(r.id()));
    assertThat(audit.getFirst().detail())
        .isEqualTo(
            "restart deployment prod/checkout on cluster sandbox (policy rule prod, 1 approval"
                + " needed; dry run: rollout restart of 3 pods)");
    AuditEntry done = audit.getLast();
    assertThat(done.action()).isEqualTo("restart deployment prod/checkout");
    assertThat(done.kind()).isEqualTo("restart");
    assertThat(done.cluster() + "/" + done.namespace() + "/" + done.target())
        .isEqualTo("sandbox/prod/checkout");
    assertThat(done.requester()).isEqualTo("console:alice");
    assertThat(done.approvers()).containsExactly("console:bob");
    assertThat(done.dryRun()).isEqualTo("rollout restart of 3 pods");
    assertThat(done.result()).isEqualTo("done: restart deployment prod/checkout");
    assertThat(done.error()).isNull();
    assertThat(audit.getFirst().at()).isEqualTo(f.clock.instant());
    assertThat(approvals.find(r.id()).orElseThrow().messageRef()).isEqualTo("console:ops/42");
  }

  @Test
  void attaching_a_message_to_an_unknown_request_names_it() {
    assertThatThrownBy(() -> approvals.attachMessage("nope", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no approval request nope");
  }
}
