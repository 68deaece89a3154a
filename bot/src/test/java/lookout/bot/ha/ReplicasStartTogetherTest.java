package lookout.bot.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.bot.db.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Lookout processes started at the same moment on an empty PostgreSQL database, as a first
 * deployment with two replicas does: both migrate at start, both become ready, and every migration
 * ran exactly once between them. Needs LOOKOUT_TEST_POSTGRES_URL (skipped locally without it,
 * required in CI).
 */
class ReplicasStartTogetherTest {
  /** Every table the migrations make, the histories included. */
  static final List<String> TABLES =
      List.of(
          "approval_requests",
          "approval_audit",
          "approval_breakers",
          "incidents",
          "incident_labels",
          "incident_timeline",
          "outbox",
          "processed_events",
          "leader_leases",
          "alert_groups",
          "alert_roots",
          "inspection_snapshots",
          "inspection_runs",
          "wecom_card_codes");

  static final List<String> OWNERS =
      List.of("approvals", "incidents", "outbox", "dedupe", "leases", "alerts", "inspect", "wecom");

  /** "database schema: approvals v2.1, … (11 applied in 850 ms)", as Database logs it. */
  static final Pattern MIGRATED =
      Pattern.compile(
          "(\\d\\d:\\d\\d:\\d\\d\\.\\d+) INFO .*database schema: .*\\((\\d+) applied in (\\d+) ms\\)");

  @TempDir Path dir;

  @Test
  void two_replicas_starting_together_on_an_empty_database_both_become_ready() throws Exception {
    String url = TestPostgres.freshDatabase("lookout_together");
    String config =
        """
        server: {host: 127.0.0.1, port: %%PORT%%}
        dataDir: "%%DATA%%"
        database: {url: "%s"}
        knowledge: {semantic: false}
        """
            .formatted(url)
            .replace("%%", "%");
    List<Replica> replicas = new ArrayList<>();
    try {
      long start = System.nanoTime();
      replicas.add(Replica.start("first", dir, config));
      replicas.add(Replica.start("second", dir, config));

      List<Duration> ready = awaitAllReady(replicas, start);

      List<String> migrated = new ArrayList<>();
      int applied = 0;
      for (Replica r : replicas) {
        Matcher m = MIGRATED.matcher(Files.readString(r.log));
        assertThat(m.find()).as(r.name + " logs its migrations:\n" + r.logTail()).isTrue();
        applied += Integer.parseInt(m.group(2));
        migrated.add(
            r.name + ": " + m.group(2) + " applied in " + m.group(3) + " ms, ended " + m.group(1));
      }
      System.out.printf("two replicas on an empty database: ready after %s; %s%n", ready, migrated);
      assertThat(tables(url)).containsAll(TABLES);
      int recorded = 0;
      for (String owner : OWNERS) {
        assertThat(failedOrRepeated(url, owner)).as(owner + "_schema_history").isZero();
        recorded +=
            count(url, "SELECT count(*) FROM " + owner + "_schema_history WHERE type = 'SQL'");
      }
      assertThat(applied)
          .as("every migration recorded ran once, in one replica or the other")
          .isEqualTo(recorded)
          .isPositive();
    } finally {
      for (Replica r : replicas) {
        r.close();
      }
      TestPostgres.dropDatabase(url);
    }
  }

  /** How long each replica took from the common start to /readyz 200, waited for together. */
  private static List<Duration> awaitAllReady(List<Replica> replicas, long start) throws Exception {
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Callable<Duration>> waits = new ArrayList<>();
      for (Replica r : replicas) {
        waits.add(
            () -> {
              r.awaitReady(Duration.ofSeconds(120));
              return Duration.ofNanos(System.nanoTime() - start);
            });
      }
      List<Duration> out = new ArrayList<>();
      for (Future<Duration> f : pool.invokeAll(waits)) {
        out.add(f.get());
      }
      return out;
    }
  }

  private static List<String> tables(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        out.add(rs.getString("TABLE_NAME"));
      }
    }
    return out;
  }

  /** History rows that failed, or versions recorded more than once. */
  private static int failedOrRepeated(String url, String owner) throws SQLException {
    String history = owner + "_schema_history";
    return count(
        url,
        "SELECT (SELECT count(*) FROM "
            + history
            + " WHERE NOT success) + (SELECT count(*) - count(DISTINCT version) FROM "
            + history
            + ")");
  }

  private static int count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
