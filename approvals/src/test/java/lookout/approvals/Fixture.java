package lookout.approvals;

import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A real SQLite file, the test policy, a fixed key and a hand-moved clock. */
final class Fixture {
  static final String POLICY =
      """
      ttl: 15m
      groups:
        sre: [console:alice, console:bob]
      rules:
        - name: prod
          namespaces: [prod, "prod-*"]
          approvers: ["group:sre"]
          maxReplicas: 20
        - namespaces: ["*"]
          approvers: ["group:sre", "console:dave"]
      """;
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  static final RestartDeployment RESTART = new RestartDeployment("sandbox", "prod", "checkout");

  final DataSource db;
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final CountingExecutor executor = new CountingExecutor();
  final Policy policy = PolicyLoader.parse(POLICY, "test-policy.yaml");
  final ButtonTokens tokens = new ButtonTokens(KEY);
  final Approvals approvals;

  Fixture(Path dir) {
    this.db = sqlite(dir.resolve("lookout.db"));
    ApprovalsSchema.apply(db);
    this.approvals = another();
  }

  /** A second instance on the same database file, as another bot replica would be. */
  Approvals another() {
    return new Approvals(sqlite(((SQLiteDataSource) db).getUrl()), policy, tokens, executor, clock);
  }

  static DataSource sqlite(Path file) {
    return sqlite("jdbc:sqlite:" + file);
  }

  private static DataSource sqlite(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000); // writers wait for each other instead of failing with SQLITE_BUSY
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
  }
}
