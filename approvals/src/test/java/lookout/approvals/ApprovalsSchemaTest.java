package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import lookout.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalsSchemaTest {
  @TempDir Path dir;

  @Test
  void applying_twice_keeps_existing_requests() {
    Fixture f = new Fixture(dir);
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");

    ApprovalsSchema.apply(f.db);

    assertThat(f.approvals.find(r.id())).contains(r);
    assertThat(f.approvals.audit(r.id())).hasSize(1);
  }

  @Test
  void a_database_from_the_first_version_is_migrated_and_its_requests_still_read()
      throws Exception {
    DataSource db = Fixture.sqlite("jdbc:sqlite:" + dir.resolve("old.db"));
    try (Connection conn = db.getConnection();
        Statement st = conn.createStatement()) {
      st.execute(
          "CREATE TABLE approval_requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
              + " target_cluster TEXT NOT NULL, target_namespace TEXT NOT NULL,"
              + " action_json TEXT NOT NULL, requester TEXT NOT NULL, state TEXT NOT NULL,"
              + " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
              + " updated_at BIGINT NOT NULL, approvals TEXT NOT NULL, decided_by TEXT,"
              + " result TEXT, message_ref TEXT)");
      st.execute(
          "INSERT INTO approval_requests VALUES ('old1', 'restart', 'sandbox', 'prod',"
              + " '{\"kind\":\"restart\",\"cluster\":\"sandbox\",\"namespace\":\"prod\","
              + "\"name\":\"checkout\"}', 'console:alice', 'PENDING', 1, 4102444800000, 1, '[]',"
              + " NULL, NULL, NULL)");
    }

    ApprovalsSchema.apply(db);

    Approvals approvals =
        new Approvals(
            db,
            Policy.sandboxDefault(),
            new ButtonTokens(Fixture.KEY),
            new CountingExecutor(),
            new TestClock(Instant.EPOCH));
    ApprovalRequest read = approvals.find("old1").orElseThrow();
    assertThat(read.requiredApprovals()).isEqualTo(1);
    assertThat(read.before()).isNull(); // no snapshot: the drift check is skipped for it
    assertThat(read.action()).isEqualTo(Fixture.RESTART);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UPDATE approval_audit SET actor = 'x'", "DELETE FROM approval_audit"})
  void audit_rows_cannot_be_changed_or_deleted(String sql) throws Exception {
    Fixture f = new Fixture(dir);
    f.approvals.request(Fixture.RESTART, "console:alice");

    try (Connection conn = f.db.getConnection();
        Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate(sql))
          .hasMessageContaining("approval_audit is append-only");
    }
    assertThat(f.approvals.recent(1)).hasSize(1);
  }
}
