package lookout.bot.platforms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.adapters.wecom.CardCodes;

/**
 * WeCom card response codes in the database ({@code wecom_card_codes}), so a decided card is
 * updated in place even when the click reached another replica or Lookout restarted in between. A
 * code is taken with a guarded delete, so two replicas never spend the same code. The table comes
 * from the {@code wecom} migrations ({@code db/migration/wecom}), run when the database opens.
 */
final class WecomCardCodes implements CardCodes {
  private final DataSource db;
  private final Clock clock;

  WecomCardCodes(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public void put(String taskId, String code) {
    long now = clock.millis();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO wecom_card_codes (task_id, code, expires_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (task_id) DO UPDATE SET code = excluded.code,"
                  + " expires_at = excluded.expires_at")) {
        ps.setString(1, taskId);
        ps.setString(2, code);
        ps.setLong(3, now + LIFE.toMillis());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM wecom_card_codes WHERE expires_at < ?")) {
        ps.setLong(1, now);
        ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "wecom: while storing the response code of card " + taskId, e);
    }
  }

  @Override
  public Optional<String> take(String taskId) {
    try (Connection c = db.getConnection()) {
      String code;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT code FROM wecom_card_codes WHERE task_id = ? AND expires_at >= ?")) {
        ps.setString(1, taskId);
        ps.setLong(2, clock.millis());
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          code = rs.getString(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM wecom_card_codes WHERE task_id = ? AND code = ?")) {
        ps.setString(1, taskId);
        ps.setString(2, code);
        return ps.executeUpdate() == 1 ? Optional.of(code) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "wecom: while reading the response code of card " + taskId, e);
    }
  }
}
