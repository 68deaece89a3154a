package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same SQL on PostgreSQL, when CI provides one: set LOOKOUT_TEST_POSTGRES_URL to a JDBC URL
 * with credentials (e.g. jdbc:postgresql://localhost:5432/postgres?user=postgres). Each run gets
 * its own schema. Skipped otherwise.
 */
class PostgresTest {
  private static final String URL = System.getenv("LOOKOUT_TEST_POSTGRES_URL");

  Fixture f;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(URL != null && !URL.isBlank(), "LOOKOUT_TEST_POSTGRES_URL not set");
    String schema = "approvals_test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection conn = postgres(null).getConnection();
        Statement st = conn.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    f = new Fixture(() -> postgres(schema));
  }

  @Test
  void approve_execute_and_audit_on_postgres() {
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    ApprovalsSchema.apply(f.db); // idempotent on PostgreSQL too

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

  private static PGSimpleDataSource postgres(String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL);
    if (schema != null) {
      ds.setCurrentSchema(schema);
    }
    return ds;
  }
}
