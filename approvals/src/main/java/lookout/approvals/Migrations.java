package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Named schema changes, each applied once, in order, in its own transaction together with its row
 * in {@code schema_migrations}. Several processes may start at once on one database: on PostgreSQL
 * they take turns under an advisory lock (concurrent {@code CREATE TABLE IF NOT EXISTS} can fail
 * there); on SQLite the database's write lock serializes them. A migration that still fails because
 * another process applied it first is re-checked and skipped, so the loser starts normally.
 */
public final class Migrations {
  /** Arbitrary, fixed: the advisory lock every Lookout process takes while migrating. */
  private static final long LOCK = 0x4c6f6f6b6f7574L; // "Lookout"

  /**
   * One step, identified by a name that never changes once released. {@code statements} must suit
   * the database they run on.
   */
  public record Migration(String id, List<String> statements) {
    public Migration {
      statements = List.copyOf(statements);
    }
  }

  private Migrations() {}

  /** Applies the migrations {@code db} has not seen yet. */
  public static void apply(DataSource db, List<Migration> migrations) {
    try (Connection conn = db.getConnection()) {
      apply(conn, migrations);
    } catch (SQLException e) {
      throw new ApprovalStoreException("while migrating the database: " + e.getMessage(), e);
    }
  }

  static void apply(Connection conn, List<Migration> migrations) throws SQLException {
    boolean postgres = !ApprovalsSchema.isSqlite(conn);
    if (postgres) {
      try (Statement st = conn.createStatement()) {
        st.execute("SELECT pg_advisory_lock(" + LOCK + ")");
      }
    }
    try {
      applyInTurn(conn, migrations);
    } finally {
      if (postgres) {
        try (Statement st = conn.createStatement()) {
          st.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
      }
    }
  }

  private static void applyInTurn(Connection conn, List<Migration> migrations) throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
              + "id TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
    }
    for (Migration m : migrations) {
      if (applied(conn, m.id())) {
        continue;
      }
      boolean auto = conn.getAutoCommit();
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        for (String sql : m.statements()) {
          st.execute(sql);
        }
        try (PreparedStatement ins =
            conn.prepareStatement("INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)")) {
          ins.setString(1, m.id());
          ins.setLong(2, System.currentTimeMillis());
          ins.executeUpdate();
        }
        conn.commit();
      } catch (SQLException e) {
        conn.rollback();
        if (!applied(conn, m.id())) {
          throw new SQLException("migration " + m.id() + " failed: " + e.getMessage(), e);
        }
      } finally {
        conn.setAutoCommit(auto);
      }
    }
  }

  private static boolean applied(Connection conn, String id) throws SQLException {
    try (PreparedStatement st =
        conn.prepareStatement("SELECT 1 FROM schema_migrations WHERE id = ?")) {
      st.setString(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }
}
