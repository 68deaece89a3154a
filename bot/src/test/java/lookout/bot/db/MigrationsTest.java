package lookout.bot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every owner's migrations follow when Lookout opens its database. */
class MigrationsTest {
  @TempDir Path dir;

  String url() {
    return "jdbc:sqlite:" + dir.resolve("lookout.db");
  }

  @Test
  void four_processes_opening_one_new_sqlite_file_at_once_apply_each_migration_once()
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Void>> opens = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      opens.add(
          () -> {
            go.await();
            // its own DataSource and connections, as another process has
            Database.open(url(), Optional.empty(), Optional.empty(), dir).close();
            return null;
          });
    }

    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<Void>> done = new ArrayList<>();
      for (Callable<Void> open : opens) {
        done.add(pool.submit(open));
      }
      go.countDown();
      for (Future<Void> f : done) {
        f.get(); // none failed
      }
    }

    for (String owner : owners()) {
      List<String> versions = query("SELECT version FROM " + owner + "_schema_history");
      assertThat(versions).as(owner).doesNotHaveDuplicates().contains("0", "1");
    }
  }

  @Test
  void a_released_migration_that_was_edited_stops_the_start_naming_it() throws Exception {
    Database.open(url(), Optional.empty(), Optional.empty(), dir).close();
    execute("UPDATE leases_schema_history SET checksum = 12345 WHERE version = '1'");

    assertThatThrownBy(() -> Database.open(url(), Optional.empty(), Optional.empty(), dir))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("leases")
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void a_database_migrated_by_a_newer_release_still_opens() throws Exception {
    Database.open(url(), Optional.empty(), Optional.empty(), dir).close();
    // what a later release would have recorded (a rollback to this one)
    execute(
        "INSERT INTO alerts_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (99, '99',"
            + " 'from the future', 'SQL', 'V99__from_the_future.sql', 1, '', 1, 1)");

    try (Database db = Database.open(url(), Optional.empty(), Optional.empty(), dir)) {
      assertThat(db.ping()).isTrue();
    }
  }

  private static List<String> owners() {
    List<String> out = new ArrayList<>(List.of("approvals", "incidents", "outbox"));
    out.addAll(Migrations.BOT_OWNERS);
    return out;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private List<String> query(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url());
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
