package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several clicks at once, through two Approvals instances on one SQLite file (two replicas). */
class ConcurrentClickTest {
  @TempDir Path dir;

  @Test
  void double_click_executes_once() throws Exception {
    Fixture f = new Fixture(dir);
    Approvals first = f.approvals;
    Approvals second = f.another();
    ApprovalRequest r = first.request(Fixture.RESTART, "console:alice");
    String token = first.approveToken(r);

    List<Decision> decisions =
        Concurrently.run(
            i -> {
              Approvals replica = i % 2 == 0 ? first : second;
              Decision d = replica.decide(token, "console:bob");
              replica.execute(r.id()); // every click tries to run it, as a careless caller might
              return d;
            });

    assertThat(decisions).filteredOn(d -> d.outcome() == Outcome.APPROVED).hasSize(1);
    assertThat(decisions)
        .extracting(Decision::outcome)
        .containsOnly(Outcome.APPROVED, Outcome.ALREADY_DECIDED);
    assertThat(f.executor.calls()).isEqualTo(1);
    assertThat(first.find(r.id()).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
    List<AuditEntry> audit = first.audit(r.id());
    assertThat(audit)
        .extracting(AuditEntry::event)
        .filteredOn(e -> !e.equals("duplicate"))
        .containsExactly("requested", "approved", "executing", "succeeded");
    assertThat(audit)
        .as("every click is on record, those that changed nothing too")
        .filteredOn(e -> e.event().equals("duplicate"))
        .hasSize(decisions.size() - 1)
        .allMatch(e -> e.actor().equals("console:bob"));
  }

  @Test
  void concurrent_execute_of_an_approved_request_runs_it_once() throws Exception {
    Fixture f = new Fixture(dir);
    Approvals second = f.another();
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    f.approvals.decide(f.approvals.approveToken(r), "console:bob");

    List<ApprovalRequest> results =
        Concurrently.run(i -> (i % 2 == 0 ? f.approvals : second).execute(r.id()));

    assertThat(f.executor.calls()).isEqualTo(1);
    assertThat(results)
        .extracting(ApprovalRequest::state)
        .allMatch(s -> s == State.EXECUTING || s == State.SUCCEEDED);
    assertThat(f.approvals.find(r.id()).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
  }
}
