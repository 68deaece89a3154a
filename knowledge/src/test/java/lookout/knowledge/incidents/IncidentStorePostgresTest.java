package lookout.knowledge.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same SQL on PostgreSQL, from LOOKOUT_TEST_POSTGRES_URL (.ci/run starts one). Skips locally
 * without it; fails in CI (CI set), where it must run.
 */
class IncidentStorePostgresTest {
  private static final String URL = System.getenv("LOOKOUT_TEST_POSTGRES_URL");

  private static PGSimpleDataSource freshSchema() throws Exception {
    if (URL == null || URL.isBlank()) {
      if (System.getenv("CI") != null) {
        fail("CI is set but LOOKOUT_TEST_POSTGRES_URL is not: .ci/run starts PostgreSQL");
      }
      assumeTrue(false, "LOOKOUT_TEST_POSTGRES_URL not set");
    }
    String schema = "knowledge_test_" + UUID.randomUUID().toString().replace("-", "");
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(URL);
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    ds.setCurrentSchema(schema);
    return ds;
  }

  @Test
  void incidents_round_trip_on_postgres_and_the_schema_is_idempotent() throws Exception {
    PGSimpleDataSource ds = freshSchema();
    IncidentSchema.migrate(ds);
    IncidentSchema.migrate(ds);
    IncidentStore store = new IncidentStore(ds);

    store.save(IncidentStoreTest.checkoutOom());
    store.save(IncidentStoreTest.checkoutOom());

    assertThat(store.all()).containsExactly(IncidentStoreTest.checkoutOom());
    assertThat(store.delete("INC-1")).isTrue();
    assertThat(store.all()).isEmpty();
  }
}
