package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import lookout.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalsSchemaTest {
  static final String FIRST_VERSION_REQUESTS =
      "CREATE TABLE approval_requests (id TEXT PRIMARY KEY, kind TEXT NOT NULL,"
          + " target_cluster TEXT NOT NULL, target_namespace TEXT NOT NULL,"
          + " action_json TEXT NOT NULL, requester TEXT NOT NULL, state TEXT NOT NULL,"
          + " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
          + " updated_at BIGINT NOT NULL, approvals TEXT NOT NULL, decided_by TEXT,"
          + " result TEXT, message_ref TEXT)";
  static final String OLD_REQUEST =
      "INSERT INTO approval_requests VALUES ('old1', 'restart', 'sandbox', 'prod',"
          + " '{\"kind\":\"restart\",\"cluster\":\"sandbox\",\"namespace\":\"prod\","
          + "\"name\":\"checkout\"}', 'console:alice', 'PENDING', 1, 4102444800000, 1, '[]',"
          + " NULL, NULL, NULL)";

  @TempDir Path dir;

  @Test
  void applying_twice_keeps_existing_requests() {
    Fixture f = new Fixture(dir);
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");

    ApprovalsSchema.migrate(f.db);

    assertThat(f.approvals.find(r.id())).contains(r);
    assertThat(f.approvals.audit(r.id())).hasSize(1);
  }

  @Test
  void a_database_from_the_first_version_is_migrated_and_its_requests_still_read()
      throws Exception {
    DataSource db = Fixture.sqlite("jdbc:sqlite:" + dir.resolve("old.db"));
    execute(db, FIRST_VERSION_REQUESTS, OLD_REQUEST);

    ApprovalsSchema.migrate(db);

    Approvals approvals = approvalsOn(db);
    ApprovalRequest read = approvals.find("old1").orElseThrow();
    assertThat(read.requiredApprovals()).isEqualTo(1);
    assertThat(read.before()).isNull(); // no snapshot: the drift check is skipped for it
    assertThat(read.action()).isEqualTo(Fixture.RESTART);
  }

  @Test
  void a_database_of_the_old_first_migration_gets_only_what_it_lacks() throws Exception {
    // what the first numbered migration of Lookout's earlier runner made, and its record
    DataSource db = Fixture.sqlite("jdbc:sqlite:" + dir.resolve("old.db"));
    execute(
        db,
        "CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)",
        "INSERT INTO schema_migrations VALUES ('approvals-1-base', 1)",
        FIRST_VERSION_REQUESTS,
        "CREATE INDEX approval_requests_due ON approval_requests (state, expires_at)",
        "CREATE TABLE approval_audit (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " request_id TEXT NOT NULL, occurred_at BIGINT NOT NULL, actor TEXT NOT NULL,"
            + " event TEXT NOT NULL, detail TEXT)",
        "CREATE INDEX approval_audit_request ON approval_audit (request_id, seq)",
        OLD_REQUEST,
        "INSERT INTO approval_audit (request_id, occurred_at, actor, event)"
            + " VALUES ('old1', 1, 'console:alice', 'requested')");

    var result = ApprovalsSchema.migrate(db);

    assertThat(result.migrationsExecuted).isEqualTo(2);
    assertThat(versions(db)).containsExactly("1.1", "2", "2.1");
    Approvals approvals = approvalsOn(db);
    assertThat(approvals.find("old1").orElseThrow().requiredApprovals()).isEqualTo(1);
    assertThat(approvals.audit("old1")).extracting(AuditEntry::event).containsExactly("requested");
    assertThatThrownBy(() -> execute(db, "DELETE FROM approval_audit"))
        .hasMessageContaining("append-only");
  }

  private static void execute(DataSource db, String... statements) throws Exception {
    try (Connection conn = db.getConnection();
        Statement st = conn.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /** The versions recorded in the approvals history, baseline included, oldest first. */
  private static List<String> versions(DataSource db) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection conn = db.getConnection();
        Statement st = conn.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version FROM approvals_schema_history ORDER BY installed_rank")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Approvals approvalsOn(DataSource db) {
    return new Approvals(
        db,
        Policy.sandboxDefault(),
        new ButtonTokens(Fixture.KEY),
        new CountingExecutor(),
        new TestClock(Instant.EPOCH));
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
