package lookout.bot.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Alert groups and their root messages in the database (SQLite or PostgreSQL, same SQL). Each call
 * uses its own connection; errors name what was being done.
 */
public final class GroupStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, GroupState.AlertLine>> ALERTS =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> LINES = new TypeReference<>() {};

  private final SharedConnection connections;

  public GroupStore(DataSource db) {
    this(new SharedConnection(db));
  }

  GroupStore(SharedConnection connections) {
    this.connections = connections;
  }

  /** Runs {@code work} with every call of this store on this thread using one connection. */
  public <T> T inOneConnection(java.util.function.Supplier<T> work) {
    return connections.inOne(work);
  }

  private SharedConnection.Handle handle() throws SQLException {
    return connections.handle();
  }

  /** A short stable id for a group key (sha-256, hex, first 32 characters). */
  public static String idOf(String groupKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public Optional<GroupState> find(String groupId) {
    String sql =
        "SELECT group_key, status, started_at, resolved_at, notifications, alerts, analyses,"
            + " analysis, timeline, episode FROM alert_groups WHERE group_id = ?";
    try (SharedConnection.Handle h = handle();
        PreparedStatement s = h.c().prepareStatement(sql)) {
      s.setString(1, groupId);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long resolved = r.getLong(4);
        Instant resolvedAt = r.wasNull() ? null : Instant.ofEpochMilli(resolved);
        return Optional.of(
            new GroupState(
                groupId,
                r.getString(1),
                r.getString(2),
                Instant.ofEpochMilli(r.getLong(3)),
                resolvedAt,
                r.getInt(5),
                JSON.readValue(r.getString(6), ALERTS),
                r.getInt(7),
                r.getString(8),
                JSON.readValue(r.getString(9), LINES),
                r.getInt(10)));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("while reading alert group " + groupId + ": " + e, e);
    }
  }

  /** Inserts or replaces the group's state. */
  public void save(GroupState g, Instant now) {
    String update =
        "UPDATE alert_groups SET group_key = ?, status = ?, started_at = ?, resolved_at = ?,"
            + " updated_at = ?, notifications = ?, alerts = ?, analyses = ?, analysis = ?,"
            + " timeline = ?, episode = ? WHERE group_id = ?";
    String insert =
        "INSERT INTO alert_groups (group_key, status, started_at, resolved_at, updated_at,"
            + " notifications, alerts, analyses, analysis, timeline, episode, group_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_id) DO NOTHING";
    try (SharedConnection.Handle h = handle()) {
      if (write(h.c(), update, g, now) == 0 && write(h.c(), insert, g, now) == 0) {
        write(h.c(), update, g, now); // another replica inserted it in between
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("while saving alert group " + g.groupId() + ": " + e, e);
    }
  }

  private static int write(Connection c, String sql, GroupState g, Instant now)
      throws SQLException, JsonProcessingException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, g.groupKey());
      s.setString(2, g.status());
      s.setLong(3, g.startedAt().toEpochMilli());
      s.setObject(4, g.resolvedAt() == null ? null : g.resolvedAt().toEpochMilli());
      s.setLong(5, now.toEpochMilli());
      s.setInt(6, g.notifications());
      s.setString(7, JSON.writeValueAsString(new LinkedHashMap<>(g.alerts())));
      s.setInt(8, g.analyses());
      s.setString(9, g.analysis());
      s.setString(10, JSON.writeValueAsString(g.timeline()));
      s.setInt(11, g.episode());
      s.setString(12, g.groupId());
      return s.executeUpdate();
    }
  }

  /**
   * Claims the right to post the group's root in {@code destination}: true for exactly one caller
   * across every replica sharing the database. A claim older than {@code staleBefore} whose root
   * was never recorded (its replica died mid-post) may be taken over.
   */
  public boolean claimRoot(
      String groupId, Destination destination, String owner, Instant now, Instant staleBefore) {
    try (SharedConnection.Handle h = handle()) {
      try (PreparedStatement s =
          h.c()
              .prepareStatement(
                  "INSERT INTO alert_roots (group_id, destination, owner, claimed_at, message_id)"
                      + " VALUES (?, ?, ?, ?, NULL) ON CONFLICT (group_id, destination) DO NOTHING")) {
        s.setString(1, groupId);
        s.setString(2, destination.toString());
        s.setString(3, owner);
        s.setLong(4, now.toEpochMilli());
        if (s.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement s =
          h.c()
              .prepareStatement(
                  "UPDATE alert_roots SET owner = ?, claimed_at = ? WHERE group_id = ?"
                      + " AND destination = ? AND message_id IS NULL AND claimed_at < ?")) {
        s.setString(1, owner);
        s.setLong(2, now.toEpochMilli());
        s.setString(3, groupId);
        s.setString(4, destination.toString());
        s.setLong(5, staleBefore.toEpochMilli());
        return s.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "while claiming the root of alert group " + groupId + " in " + destination + ": " + e, e);
    }
  }

  /** Records the posted root's message id. */
  public void rootPosted(String groupId, Destination destination, String messageId) {
    run(
        "UPDATE alert_roots SET message_id = ? WHERE group_id = ? AND destination = ?",
        "recording the root of alert group " + groupId,
        messageId,
        groupId,
        destination.toString());
  }

  /** Gives up a claim whose post failed, so the next notification tries again. */
  public void releaseRoot(String groupId, Destination destination) {
    run(
        "DELETE FROM alert_roots WHERE group_id = ? AND destination = ? AND message_id IS NULL",
        "releasing the root claim of alert group " + groupId,
        groupId,
        destination.toString());
  }

  /** The root's message id in {@code destination}, empty while unclaimed or being posted. */
  public Optional<String> rootId(String groupId, Destination destination) {
    try (SharedConnection.Handle h = handle();
        PreparedStatement s =
            h.c()
                .prepareStatement(
                    "SELECT message_id FROM alert_roots WHERE group_id = ? AND destination = ?")) {
      s.setString(1, groupId);
      s.setString(2, destination.toString());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("while reading the root of alert group " + groupId, e);
    }
  }

  /** Roots per destination (reports and tests). */
  public int rootCount() {
    try (SharedConnection.Handle h = handle();
        PreparedStatement s =
            h.c()
                .prepareStatement("SELECT COUNT(*) FROM alert_roots WHERE message_id IS NOT NULL");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getInt(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException("while counting alert roots", e);
    }
  }

  private void run(String sql, String what, String... args) {
    try (SharedConnection.Handle h = handle();
        PreparedStatement s = h.c().prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("while " + what + ": " + e.getMessage(), e);
    }
  }
}
