package lookout.bot.platforms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import lookout.adapters.wecom.StreamFrames;

/**
 * WeCom AI-bot stream replies in the database ({@code wecom_streams}): the refresh callback, the
 * question and the outbox worker writing a version may each be on a different replica. A version is
 * written with a guarded update (only while the stream is open and unfinished), so a late interim
 * version never reopens a finished answer. The table comes from the {@code wecom} migrations.
 */
final class WecomStreamFrames implements StreamFrames {
  private final DataSource db;
  private final Clock clock;

  WecomStreamFrames(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void open(String msgId) {
    long now = clock.millis();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO wecom_streams (msg_id, content, finished, expires_at)"
                  + " VALUES (?, '', 0, ?) ON CONFLICT (msg_id) DO NOTHING")) {
        ps.setString(1, msgId);
        ps.setLong(2, now + LIFE.toMillis());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM wecom_streams WHERE expires_at < ?")) {
        ps.setLong(1, now);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("wecom: while opening the stream of message " + msgId, e);
    }
  }

  @Override
  public boolean writable(String msgId) {
    if (msgId == null) {
      return false;
    }
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM wecom_streams WHERE msg_id = ? AND finished = 0"
                    + " AND expires_at >= ?")) {
      ps.setString(1, msgId);
      ps.setLong(2, clock.millis());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("wecom: while reading the stream of message " + msgId, e);
    }
  }

  @Override
  public boolean write(String msgId, String content, boolean finish) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE wecom_streams SET content = ?, finished = ?"
                    + " WHERE msg_id = ? AND finished = 0 AND expires_at >= ?")) {
      ps.setString(1, content);
      ps.setInt(2, finish ? 1 : 0);
      ps.setString(3, msgId);
      ps.setLong(4, clock.millis());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("wecom: while writing the stream of message " + msgId, e);
    }
  }

  @Override
  public Frame read(String id) {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT content, finished FROM wecom_streams WHERE msg_id = ? AND expires_at >= ?")) {
      ps.setString(1, id);
      ps.setLong(2, clock.millis());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Frame(rs.getString(1), rs.getInt(2) == 1) : new Frame("", true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("wecom: while reading stream " + id, e);
    }
  }
}
