package lookout.knowledge.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class IncidentStoreTest {
  @TempDir Path dir;
  private SQLiteDataSource dataSource;
  private IncidentStore store;

  @BeforeEach
  void openDatabase() {
    dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("lookout.db"));
    IncidentSchema.migrate(dataSource);
    store = new IncidentStore(dataSource);
  }

  static Incident checkoutOom() {
    return new Incident(
        "INC-1",
        "checkout OOMKilled after release 4.2",
        "KubePodCrashLooping",
        Map.of("namespace", "staging", "service", "checkout", "cluster", "eu-1"),
        Instant.parse("2026-11-01T10:00:00Z"),
        Instant.parse("2026-11-01T10:40:00Z"),
        List.of("10:00 alert fired", "10:12 订单服务 OOMKilled", "10:40 memory limit raised"),
        "The JVM heap grew past the 512Mi limit.",
        "Raised the memory limit to 1Gi.",
        "alice",
        "https://chat.example/t/42");
  }

  @Test
  void saved_incident_reads_back_equal() {
    store.save(checkoutOom());

    assertThat(store.find("INC-1")).contains(checkoutOom());
    assertThat(store.all()).containsExactly(checkoutOom());
  }

  @Test
  void saving_again_replaces_labels_and_timeline() {
    store.save(checkoutOom());
    Incident open =
        new Incident(
            "INC-1",
            "t",
            "",
            Map.of("cluster", "us-2"),
            Instant.EPOCH,
            null,
            List.of("one"),
            null,
            null,
            null,
            null);

    store.save(open);

    assertThat(store.all()).containsExactly(open);
    assertThat(store.find("INC-1").orElseThrow().resolved()).isEmpty();
  }

  @Test
  void schema_is_idempotent_and_data_survives_reapplying() {
    store.save(checkoutOom());

    IncidentSchema.migrate(dataSource);

    assertThat(store.all()).hasSize(1);
  }

  @Test
  void tables_made_before_the_migrations_were_versioned_keep_their_incidents() throws Exception {
    SQLiteDataSource old = new SQLiteDataSource();
    old.setUrl("jdbc:sqlite:" + dir.resolve("old.db"));
    // what Lookout 0.1 created with CREATE TABLE IF NOT EXISTS at every start, with no history
    try (Connection c = old.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE incidents (id VARCHAR(128) PRIMARY KEY, title TEXT NOT NULL,"
              + " alert_name TEXT NOT NULL, started_at BIGINT NOT NULL, resolved_at BIGINT,"
              + " analysis TEXT NOT NULL, resolution TEXT NOT NULL, resolved_by TEXT NOT NULL,"
              + " thread_link TEXT NOT NULL)");
      s.execute(
          "CREATE TABLE incident_labels (incident_id VARCHAR(128) NOT NULL"
              + " REFERENCES incidents(id) ON DELETE CASCADE, name VARCHAR(255) NOT NULL,"
              + " label_value TEXT NOT NULL, PRIMARY KEY (incident_id, name))");
      s.execute(
          "CREATE TABLE incident_timeline (incident_id VARCHAR(128) NOT NULL"
              + " REFERENCES incidents(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
              + " line TEXT NOT NULL, PRIMARY KEY (incident_id, seq))");
      s.execute("CREATE INDEX incidents_started ON incidents(started_at)");
    }
    new IncidentStore(old).save(checkoutOom());

    IncidentSchema.migrate(old);

    assertThat(new IncidentStore(old).all()).containsExactly(checkoutOom());
  }

  @Test
  void delete_removes_incident_and_its_rows() {
    store.save(checkoutOom());

    assertThat(store.delete("INC-1")).isTrue();
    assertThat(store.delete("INC-1")).isFalse();
    assertThat(store.find("INC-1")).isEmpty();
  }

  @Test
  void blank_id_is_refused_with_a_clear_message() {
    assertThatThrownBy(
            () ->
                new Incident(" ", "t", "", null, Instant.EPOCH, null, null, null, null, null, null))
        .hasMessageContaining("incident id");
  }

  @Test
  void unreachable_database_names_the_operation() {
    SQLiteDataSource missing = new SQLiteDataSource();
    missing.setUrl("jdbc:sqlite:" + dir.resolve("no/such/dir/x.db"));

    assertThatThrownBy(() -> new IncidentStore(missing).all())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("while reading incidents");
  }
}
