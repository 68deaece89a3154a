package lookout.bot.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Remembers which platform deliveries were processed, in the database, so a retry or a duplicate
 * delivery (possibly to another replica) is handled once. The primary key makes the check atomic.
 */
public final class DeliveryDedupe {
  private final DataSource db;
  private final Clock clock;

  public DeliveryDedupe(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** True the first time {@code platform + eventId} is seen, false for every repeat. */
  public boolean firstTime(String platform, String eventId) {
    String sql =
        "INSERT INTO processed_events (event_key, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, platform + ":" + eventId);
      ps.setLong(2, clock.millis());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("while recording delivery " + platform + ":" + eventId, e);
    }
  }
}
