package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Numbered schema changes, each applied once, in order, in its own transaction together with its
 * row in {@code schema_migrations}. Several processes may start at once on one database: a
 * migration that fails because another process applied it first (duplicate column, primary key of
 * its row) is re-checked and skipped, so the loser starts normally instead of crashing.
 */
final class Migrations {
  /** One step. {@code statements} must be correct for the dialect they were built for. */
  record Migration(String id, List<String> statements) {}

  private Migrations() {}

  static void apply(Connection conn, List<Migration> migrations) throws SQLException {
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
