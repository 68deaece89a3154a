package lookout.approvals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/** Connection handling shared by the stores: one connection per call, writes in a transaction. */
final class Sql {
  interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  interface Work<T> {
    T run(Connection conn) throws SQLException;
  }

  private final DataSource db;

  Sql(DataSource db) {
    this.db = db;
  }

  <T> T read(String what, Work<T> work) {
    try (Connection conn = db.getConnection()) {
      return work.run(conn);
    } catch (SQLException e) {
      throw new ApprovalStoreException(what + ": " + e.getMessage(), e);
    }
  }

  <T> T write(String what, Work<T> work) {
    try (Connection conn = db.getConnection()) {
      conn.setAutoCommit(false);
      try {
        T result = work.run(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ApprovalStoreException(what + ": " + e.getMessage(), e);
    }
  }

  static void setNullable(PreparedStatement st, int index, String value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.VARCHAR);
    } else {
      st.setString(index, value);
    }
  }

  static void setNullable(PreparedStatement st, int index, Long value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.BIGINT);
    } else {
      st.setLong(index, value);
    }
  }
}
