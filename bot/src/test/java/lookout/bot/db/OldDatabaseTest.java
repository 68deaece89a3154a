package lookout.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database made by Lookout 0.1 (its numbered migrations recorded in {@code schema_migrations},
 * the outbox and incident tables created by their constructors) upgrades in place at the first
 * start of this version: every row stays, nothing already there runs again, and each owner's
 * history starts where the database stood. Built with the SQL the old code ran (lookout-0.1-*.sql),
 * on SQLite and, with LOOKOUT_TEST_POSTGRES_URL, on PostgreSQL.
 */
class OldDatabaseTest {
  /** One row in every table Lookout 0.1 had, in SQL both databases run. */
  static final Map<String, String> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put(
        "approval_requests",
        "INSERT INTO approval_requests (id, kind, target_cluster, target_namespace, action_json,"
            + " requester, state, created_at, expires_at, updated_at, approvals, target_name,"
            + " action_text) VALUES ('old1', 'restart', 'sandbox', 'prod', '{\"kind\":\"restart\","
            + "\"cluster\":\"sandbox\",\"namespace\":\"prod\",\"name\":\"checkout\"}',"
            + " 'console:alice', 'PENDING', 1, 4102444800000, 1, '[]', 'checkout',"
            + " 'restart deployment prod/checkout')");
    ROWS.put(
        "approval_audit",
        "INSERT INTO approval_audit (request_id, occurred_at, actor, event)"
            + " VALUES ('old1', 1, 'console:alice', 'requested')");
    ROWS.put(
        "approval_breakers",
        "INSERT INTO approval_breakers VALUES ('restart/sandbox/prod/checkout', 'restart',"
            + " 'sandbox', 'prod', 'checkout', 1, NULL, 'boom', 1)");
    ROWS.put("processed_events", "INSERT INTO processed_events VALUES ('slack:Ev1', 1)");
    ROWS.put("leader_leases", "INSERT INTO leader_leases VALUES ('timers', 'old-replica', 1)");
    ROWS.put(
        "wecom_card_codes", "INSERT INTO wecom_card_codes VALUES ('lk1', 'c1', 4102444800000)");
    ROWS.put(
        "inspection_snapshots",
        "INSERT INTO inspection_snapshots VALUES ('sandbox/prod', 1, '{}')");
    ROWS.put("inspection_runs", "INSERT INTO inspection_runs VALUES ('daily', 1, 1)");
    ROWS.put(
        "alert_groups",
        "INSERT INTO alert_groups VALUES ('g1', '{}:{alertname=\"X\"}', 'firing', 1, NULL, 1, 1,"
            + " '[]', 0, '', '[]', 1)");
    ROWS.put(
        "alert_roots",
        "INSERT INTO alert_roots VALUES ('g1', 'slack:C1', 'old-replica', 1, '1700000000.000100')");
    ROWS.put(
        "outbox",
        "INSERT INTO outbox (platform, channel, thread, kind, target, message, state, attempts,"
            + " next_at, created_at) VALUES ('slack', 'C1', '', 'POST', NULL, '{}', 'SENT', 1, 1,"
            + " 1)");
    ROWS.put(
        "incidents",
        "INSERT INTO incidents VALUES ('INC-1', 'checkout OOM', 'KubePodCrashLooping', 1, NULL,"
            + " 'heap', 'limit raised', 'alice', 'https://chat.example/t/1')");
    ROWS.put(
        "incident_labels", "INSERT INTO incident_labels VALUES ('INC-1', 'namespace', 'prod')");
    ROWS.put(
        "incident_timeline", "INSERT INTO incident_timeline VALUES ('INC-1', 0, '10:00 fired')");
  }

  @TempDir Path dir;

  @Test
  void a_sqlite_data_dir_of_lookout_0_1_upgrades_in_place() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("lookout.db");
    build(url, "lookout-0.1-sqlite.sql");

    upgradesInPlace(url);
  }

  @Test
  void a_postgres_database_of_lookout_0_1_upgrades_in_place() throws Exception {
    String url = TestPostgres.freshSchema("old_db_test");
    build(url, "lookout-0.1-postgresql.sql");

    upgradesInPlace(url);
  }

  private void upgradesInPlace(String url) throws Exception {
    try (Database db = Database.open(url, Optional.empty(), Optional.empty(), dir)) {
      assertThat(db.ping()).isTrue();
      for (String table : ROWS.keySet()) {
        assertThat(count(url, table)).as(table).isEqualTo(1);
      }
      assertThat(versions(url, "approvals")).containsExactly("2.1");
      for (String owner : List.of("incidents", "dedupe", "leases")) {
        assertThat(versions(url, owner)).as(owner).containsExactly("0", "1");
      }
      // alerts V2 (alert_ownership) came after 0.1: it is applied on top of the baseline
      assertThat(versions(url, "alerts")).containsExactly("0", "1", "2");
      // 2: the edit versions that keep a card from going back to an older state
      assertThat(versions(url, "outbox")).containsExactly("0", "1", "2");
      assertThat(count(url, "schema_migrations")).as("left as it was").isEqualTo(7);
      // what the old tables did, they still do: the audit stays append-only, ids go on
      assertThatThrownBy(() -> execute(url, "DELETE FROM approval_audit"))
          .hasMessageContaining("append-only");
      execute(url, ROWS.get("outbox").replace("'C1'", "'C2'"));
      assertThat(query(url, "SELECT max(id) FROM outbox")).containsExactly("2");
    }
    try (Database again = Database.open(url, Optional.empty(), Optional.empty(), dir)) {
      assertThat(again.ping()).isTrue();
      assertThat(versions(url, "approvals")).containsExactly("2.1");
    }
  }

  /** Runs the old code's statements, then puts one row in every table. */
  private static void build(String url, String script) throws Exception {
    List<String> statements = new ArrayList<>(statements(script));
    statements.addAll(ROWS.values());
    execute(url, statements.toArray(String[]::new));
  }

  /** The statements of a script: each ends with ";" at the end of a line. */
  private static List<String> statements(String script) throws IOException {
    try (InputStream in = OldDatabaseTest.class.getResourceAsStream(script)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (String part : text.replaceAll("(?m)^--.*\\n", "").split(";\\n")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
      return out;
    }
  }

  private static int count(String url, String table) throws SQLException {
    return Integer.parseInt(query(url, "SELECT count(*) FROM " + table).get(0));
  }

  private static List<String> versions(String url, String owner) throws SQLException {
    return query(url, "SELECT version FROM " + owner + "_schema_history ORDER BY installed_rank");
  }

  private static List<String> query(String url, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }
}
