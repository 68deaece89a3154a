package lookout.approvals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lookout.testing.TestClock;
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
  private final Supplier<DataSource> databases;
  final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
  final CountingExecutor executor = new CountingExecutor();
  final Policy policy;
  final ButtonTokens tokens = new ButtonTokens(KEY);
  final Approvals approvals;

  /** On a fresh SQLite file in {@code dir}. */
  Fixture(Path dir) {
    this(dir, POLICY);
  }

  /** On a fresh SQLite file in {@code dir}, under the given policy YAML. */
  Fixture(Path dir, String policyYaml) {
    this(() -> sqlite("jdbc:sqlite:" + dir.resolve("lookout.db")), policyYaml);
  }

  /**
   * @param databases a new DataSource on the same, initially empty, database each call
   */
  Fixture(Supplier<DataSource> databases) {
    this(databases, POLICY);
  }

  Fixture(Supplier<DataSource> databases, String policyYaml) {
    this.policy = PolicyLoader.parse(policyYaml, "test-policy.yaml");
    this.databases = databases;
    this.db = databases.get();
    ApprovalsSchema.migrate(db);
    this.approvals = another();
  }

  /** A second instance with its own DataSource on the same database, as another replica has. */
  Approvals another() {
    return new Approvals(databases.get(), policy, tokens, executor, clock);
  }

  static DataSource sqlite(String url) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(
        10_000); // writers wait for each other instead of failing with SQLITE_BUSY
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl(url);
    return ds;
  }
}
