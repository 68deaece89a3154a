package lookout.bot.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One connection for everything the alert stores do on this thread while one notification is
 * handled (opening a SQLite connection per statement costs more than the statements), else a new
 * one per call.
 */
final class SharedConnection {
  private final DataSource db;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  SharedConnection(DataSource db) {
    this.db = db;
  }

  /** A connection to use in one try block: the shared one (left open) or a new one (closed). */
  record Handle(Connection c, boolean owned) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      if (owned) {
        c.close();
      }
    }
  }

  Handle handle() throws SQLException {
    Connection shared = current.get();
    return shared != null ? new Handle(shared, false) : new Handle(db.getConnection(), true);
  }

  /** Runs {@code work} with every {@link #handle()} on this thread using one connection. */
  <T> T inOne(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    try (Connection c = db.getConnection()) {
      current.set(c);
      return work.get();
    } catch (SQLException e) {
      throw new IllegalStateException("while opening the database: " + e.getMessage(), e);
    } finally {
      current.remove();
    }
  }
}
