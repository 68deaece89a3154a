package lookout.bot.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code alert_ownership}: per group, the last notification (Alertmanager's JSON, to redraw
 * the root between notifications), who acknowledged which episode, and the silences last seen
 * muting it. Same SQL on SQLite and PostgreSQL.
 */
final class OwnershipStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SharedConnection connections;

  OwnershipStore(SharedConnection connections) {
    this.connections = connections;
  }

  /** Keeps the group's latest notification; a new episode forgets who acknowledged the last one. */
  void notification(String groupId, int episode, String json, Instant now) {
    String update =
        "UPDATE alert_ownership SET notification = ?, updated_at = ?,"
            + " acked_by = CASE WHEN episode = ? THEN acked_by ELSE NULL END,"
            + " acked_at = CASE WHEN episode = ? THEN acked_at ELSE NULL END,"
            + " episode = ? WHERE group_id = ?";
    String insert =
        "INSERT INTO alert_ownership (notification, updated_at, episode, group_id, silences)"
            + " VALUES (?, ?, ?, ?, '[]') ON CONFLICT (group_id) DO NOTHING";
    try (SharedConnection.Handle h = connections.handle()) {
      if (update(h, update, json, now, episode, groupId) == 0) {
        try (PreparedStatement s = h.c().prepareStatement(insert)) {
          s.setString(1, json);
          s.setLong(2, now.toEpochMilli());
          s.setInt(3, episode);
          s.setString(4, groupId);
          if (s.executeUpdate() == 0) {
            update(h, update, json, now, episode, groupId); // another replica inserted it
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("while saving the notification of alert group " + groupId, e);
    }
  }

  private static int update(
      SharedConnection.Handle h, String sql, String json, Instant now, int episode, String id)
      throws SQLException {
    try (PreparedStatement s = h.c().prepareStatement(sql)) {
      s.setString(1, json);
      s.setLong(2, now.toEpochMilli());
      s.setInt(3, episode);
      s.setInt(4, episode);
      s.setInt(5, episode);
      s.setString(6, id);
      return s.executeUpdate();
    }
  }

  /** The group's last notification as Alertmanager sent it, if one was kept. */
  Optional<String> lastNotification(String groupId) {
    return one(groupId, "notification", r -> r.getString(1));
  }

  Optional<Ownership> find(String groupId) {
    return one(
        groupId,
        "episode, acked_by, acked_at, silences",
        r -> {
          long at = r.getLong(3);
          Instant ackedAt = r.wasNull() ? null : Instant.ofEpochMilli(at);
          return new Ownership(r.getInt(1), r.getString(2), ackedAt, read(r.getString(4)));
        });
  }

  /**
   * Records that {@code user} owns {@code episode} of the group (taking over from whoever had it).
   *
   * @return false when the group is not at that episode any more (it resolved and fired again)
   */
  boolean acknowledge(String groupId, int episode, String user, Instant at) {
    try (SharedConnection.Handle h = connections.handle();
        PreparedStatement s =
            h.c()
                .prepareStatement(
                    "UPDATE alert_ownership SET acked_by = ?, acked_at = ?, updated_at = ?"
                        + " WHERE group_id = ? AND episode = ?")) {
      s.setString(1, user);
      s.setLong(2, at.toEpochMilli());
      s.setLong(3, at.toEpochMilli());
      s.setString(4, groupId);
      s.setInt(5, episode);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("while acknowledging alert group " + groupId, e);
    }
  }

  /** Replaces the silences last seen muting the group. */
  void silences(String groupId, List<Ownership.SilenceLine> silences, Instant now) {
    try (SharedConnection.Handle h = connections.handle();
        PreparedStatement s =
            h.c()
                .prepareStatement(
                    "UPDATE alert_ownership SET silences = ?, updated_at = ? WHERE group_id = ?")) {
      s.setString(1, write(silences));
      s.setLong(2, now.toEpochMilli());
      s.setString(3, groupId);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("while saving the silences of alert group " + groupId, e);
    }
  }

  static String write(List<Ownership.SilenceLine> silences) {
    ArrayNode list = JSON.createArrayNode();
    for (Ownership.SilenceLine l : silences) {
      list.addObject()
          .put("id", l.id())
          .put("createdBy", l.createdBy())
          .put("endsAt", l.endsAt().toEpochMilli())
          .put("muted", l.muted())
          .put("of", l.of())
          .put("viaLookout", l.viaLookout());
    }
    return list.toString();
  }

  static List<Ownership.SilenceLine> read(String json) throws SQLException {
    List<Ownership.SilenceLine> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(json)) {
        out.add(
            new Ownership.SilenceLine(
                n.path("id").asText(),
                n.path("createdBy").asText(),
                Instant.ofEpochMilli(n.path("endsAt").asLong()),
                n.path("muted").asInt(),
                n.path("of").asInt(),
                n.path("viaLookout").asBoolean()));
      }
    } catch (IOException e) {
      throw new SQLException("unreadable silences: " + e.getMessage(), e);
    }
    return out;
  }

  private interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  private <T> Optional<T> one(String groupId, String columns, Row<T> row) {
    try (SharedConnection.Handle h = connections.handle();
        PreparedStatement s =
            h.c()
                .prepareStatement(
                    "SELECT " + columns + " FROM alert_ownership WHERE group_id = ?")) {
      s.setString(1, groupId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(row.read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "while reading the ownership of alert group " + groupId + ": " + e.getMessage(), e);
    }
  }
}
