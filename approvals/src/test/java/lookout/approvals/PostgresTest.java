package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same SQL on PostgreSQL (see {@link PostgresDatabases}): each test gets its own schema. */
class PostgresTest {
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(PostgresDatabases.freshSchema());
  }

  @Test
  void approve_execute_and_audit_on_postgres() {
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    ApprovalsSchema.migrate(f.db); // idempotent on PostgreSQL too

    Decision refused = f.approvals.decide(f.approvals.approveToken(r), "console:alice");
    Decision approved = f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    ApprovalRequest done = f.approvals.execute(r.id());

    assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(approved.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(done.approvals()).containsExactly("console:bob");
    assertThat(f.approvals.audit(r.id()))
        .extracting(AuditEntry::event)
        .containsExactly("requested", "refused", "approved", "executing", "succeeded");
    assertThat(f.approvals.recent(5)).extracting(ApprovalRequest::id).containsExactly(r.id());
  }

  @Test
  void double_click_executes_once_on_postgres() throws Exception {
    Approvals second = f.another();
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    String token = f.approvals.approveToken(r);

    List<Decision> decisions =
        Concurrently.run(
            i -> {
              Approvals replica = i % 2 == 0 ? f.approvals : second;
              Decision d = replica.decide(token, "console:bob");
              replica.execute(r.id());
              return d;
            });

    assertThat(decisions).filteredOn(d -> d.outcome() == Outcome.APPROVED).hasSize(1);
    assertThat(f.executor.calls()).isEqualTo(1);
  }

  @Test
  void fifty_approvers_at_once_on_two_instances_execute_once_on_postgres() throws Exception {
    Fixture q = new Fixture(PostgresDatabases.freshSchema(), QuorumTest.POLICY);
    Approvals second = q.another();
    ApprovalRequest r =
        q.approvals.request(new RestartDeployment("sandbox", "crowd", "api"), "console:alice");
    String token = q.approvals.approveToken(r);

    List<Decision> decisions =
        Concurrently.run(
            50,
            i -> {
              Approvals replica = i % 2 == 0 ? q.approvals : second;
              Decision d = replica.decide(token, "console:u" + i);
              replica.execute(r.id());
              return d;
            });

    assertThat(q.executor.calls()).isEqualTo(1);
    assertThat(decisions).filteredOn(d -> d.outcome() == Outcome.APPROVED).hasSize(1);
    assertThat(q.approvals.find(r.id()).orElseThrow().approvals()).hasSize(2);
  }

  @Test
  void breaker_opens_and_resets_on_postgres() {
    f.executor.failingWith(new IllegalStateException("boom"));
    for (int i = 0; i < 3; i++) {
      ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
      f.approvals.decide(f.approvals.approveToken(r), "console:bob");
      f.approvals.execute(r.id());
    }

    assertThat(f.another().openBreakers()).hasSize(1);
    assertThat(f.approvals.resetBreaker(BreakerTest.KEY, "console:bob")).startsWith("Reset");
    assertThat(f.approvals.openBreakers()).isEmpty();
    assertThat(f.approvals.audit(new AuditQuery(Instant.EPOCH, "prod", "console:bob", 2)))
        .extracting(AuditEntry::event)
        .containsExactly("approved", "breaker-reset");
    assertThat(f.approvals.audit(new AuditQuery(Instant.EPOCH, null, null, 1000)))
        .extracting(AuditEntry::event)
        .contains("breaker-opened", "failed");
  }

  @Test
  void audit_rows_cannot_be_changed_or_deleted_on_postgres() throws Exception {
    f.approvals.request(Fixture.RESTART, "console:alice");

    try (Connection conn = f.db.getConnection();
        Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("UPDATE approval_audit SET actor = 'x'"))
          .hasMessageContaining("approval_audit is append-only");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM approval_audit"))
          .hasMessageContaining("approval_audit is append-only");
    }
  }

  @Test
  void replicas_starting_at_once_migrate_once_on_postgres() throws Exception {
    var schema = PostgresDatabases.freshSchema();

    List<Boolean> done =
        Concurrently.run(
            i -> {
              ApprovalsSchema.migrate(schema.get());
              return true;
            });

    assertThat(done).containsOnly(true);
    List<String> versions = new java.util.ArrayList<>();
    try (Connection conn = schema.get().getConnection();
        Statement st = conn.createStatement();
        var rs =
            st.executeQuery(
                "SELECT version FROM approvals_schema_history WHERE success"
                    + " ORDER BY installed_rank")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    assertThat(versions).containsExactly("0", "1", "1.1", "2", "2.1");
  }
}
