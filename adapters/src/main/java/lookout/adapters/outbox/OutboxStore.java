package lookout.adapters.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;

/**
 * The {@code outbox} table. A row is PENDING until a worker claims it with a guarded update (only
 * one claimer wins, even across replicas), SENDING while it is delivered, then SENT (with the
 * platform's message id for a post), FAILED, or SUPERSEDED (an edit a newer edit of the same
 * message made pointless). A claim left by a worker that died is handed back once its lease runs
 * out. Rows of one conversation are delivered in order. The table comes from {@link OutboxSchema}.
 */
final class OutboxStore {
  static final String PENDING = "PENDING";
  static final String SENDING = "SENDING";
  static final String SENT = "SENT";
  static final String FAILED = "FAILED";

  /** An edit not sent because a newer version of the same message was queued or sent. */
  static final String SUPERSEDED = "SUPERSEDED";

  private final DataSource db;
  private final Clock clock;
  private final Duration lease;

  OutboxStore(DataSource db, Clock clock, Duration lease) {
    this.db = db;
    this.clock = clock;
    this.lease = lease;
  }

  long add(Delivery.Kind kind, ConversationRef where, String target, Message message) {
    return add(kind, where, target, message, null);
  }

  /**
   * Queues an edit of {@code target} showing state {@code version}, and settles the message's
   * queued edits of older versions as SUPERSEDED: only the newest pending state is ever sent.
   */
  long addEdit(ConversationRef where, String target, Message message, long version) {
    long id = add(Delivery.Kind.UPDATE, where, target, message, version);
    update(
        "UPDATE outbox SET state = 'SUPERSEDED', last_error = ? WHERE state = 'PENDING'"
            + " AND kind = 'UPDATE' AND platform = ? AND target = ? AND version < ?",
        "superseded by version " + version,
        where.platform(),
        target,
        version);
    return id;
  }

  /**
   * True (and {@code d} settled as SUPERSEDED) when {@code d} is a versioned edit and another edit
   * of the same message with the same or a newer version is queued, being sent or sent: sending
   * {@code d} then would repeat a state or show an older one after a newer one. Rows of a
   * conversation are delivered one at a time, so this check cannot race with the newer send.
   */
  boolean superseded(Delivery d) {
    if (d.version() == null) {
      return false;
    }
    String sql =
        "SELECT MAX(version) FROM outbox WHERE kind = 'UPDATE' AND platform = ? AND target = ?"
            + " AND id <> ? AND state IN ('PENDING', 'SENDING', 'SENT')";
    long newest;
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, d.where().platform());
      ps.setString(2, d.target());
      ps.setLong(3, d.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        newest = rs.getLong(1);
        if (rs.wasNull()) {
          return false;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: while comparing edit versions of row " + d.id(), e);
    }
    if (newest < d.version()) {
      return false;
    }
    update(
        "UPDATE outbox SET state = 'SUPERSEDED', last_error = ? WHERE id = ?",
        "version " + newest + " of the message is queued or sent",
        d.id());
    return true;
  }

  private long add(
      Delivery.Kind kind, ConversationRef where, String target, Message message, Long version) {
    String sql =
        "INSERT INTO outbox (platform, channel, thread, kind, target, message, state, attempts,"
            + " next_at, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, where.platform());
      ps.setString(2, where.channel());
      ps.setString(3, where.thread() == null ? "" : where.thread());
      ps.setString(4, kind.name());
      ps.setString(5, target);
      ps.setString(6, MessageJson.write(message));
      ps.setLong(7, clock.millis());
      ps.setLong(8, clock.millis());
      if (version == null) {
        ps.setNull(9, Types.BIGINT);
      } else {
        ps.setLong(9, version);
      }
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: while storing a " + kind + " for " + where, e);
    }
  }

  /**
   * Claims the oldest due row whose conversation has nothing older still waiting, or empty. Stale
   * claims are released first.
   */
  Optional<Delivery> claim() {
    long now = clock.millis();
    update(
        "UPDATE outbox SET state = 'PENDING' WHERE state = 'SENDING' AND claimed_until < ?", now);
    String pick =
        "SELECT o.id FROM outbox o WHERE o.state = 'PENDING' AND o.next_at <= ? AND NOT EXISTS"
            + " (SELECT 1 FROM outbox e WHERE e.id < o.id AND e.platform = o.platform"
            + " AND e.channel = o.channel AND e.thread = o.thread"
            + " AND e.state IN ('PENDING', 'SENDING')) ORDER BY o.id LIMIT 5";
    // Candidates are read first and the statement closed: a claim must see the latest row.
    List<Long> candidates = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(pick)) {
      ps.setLong(1, now);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          candidates.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: while looking for due deliveries", e);
    }
    String claim =
        "UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, claimed_until = ?"
            + " WHERE id = ? AND state = 'PENDING'";
    for (long id : candidates) {
      if (update(claim, now + lease.toMillis(), id) == 1) {
        return Optional.of(load(id));
      }
    }
    return Optional.empty();
  }

  void sent(long id, String postedId) {
    update("UPDATE outbox SET state = 'SENT', posted_id = ? WHERE id = ?", postedId, id);
  }

  void retryAt(long id, long nextAtMillis, String error) {
    update(
        "UPDATE outbox SET state = 'PENDING', next_at = ?, last_error = ? WHERE id = ?",
        nextAtMillis,
        error,
        id);
  }

  /** Back to PENDING until {@code nextAtMillis} without counting the claim as an attempt. */
  void putOff(long id, long nextAtMillis) {
    update(
        "UPDATE outbox SET state = 'PENDING', next_at = ?, attempts = attempts - 1 WHERE id = ?",
        nextAtMillis,
        id);
  }

  /** Rows into {@code channel} (any thread) still PENDING or SENDING. */
  int waiting(String platform, String channel) {
    String sql =
        "SELECT COUNT(*) FROM outbox WHERE state IN ('PENDING', 'SENDING') AND platform = ?"
            + " AND channel = ?";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, platform);
      ps.setString(2, channel);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "outbox: while counting waiting rows for " + platform + ":" + channel, e);
    }
  }

  void failed(long id, String error) {
    update("UPDATE outbox SET state = 'FAILED', last_error = ? WHERE id = ?", error, id);
  }

  /** A row's state and, once a post is SENT, its platform message id. */
  record Status(String state, String postedId) {}

  Optional<Status> status(long id) {
    String sql = "SELECT state, posted_id FROM outbox WHERE id = ?";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Status(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: while reading row " + id, e);
    }
  }

  /** Forgets delivered and failed rows created before {@code cutoffMillis}; returns how many. */
  int prune(long cutoffMillis) {
    return update(
        "DELETE FROM outbox WHERE state IN ('SENT', 'FAILED', 'SUPERSEDED') AND created_at < ?",
        cutoffMillis);
  }

  private Delivery load(long id) {
    String sql =
        "SELECT kind, platform, channel, thread, target, message, attempts, created_at, version"
            + " FROM outbox WHERE id = ?";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        String thread = rs.getString(4);
        return new Delivery(
            id,
            Delivery.Kind.valueOf(rs.getString(1)),
            new ConversationRef(rs.getString(2), rs.getString(3), thread.isEmpty() ? null : thread),
            rs.getString(5),
            MessageJson.read(rs.getString(6)),
            rs.getInt(7),
            rs.getLong(8),
            rs.getObject(9) == null ? null : rs.getLong(9));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: while reading row " + id, e);
    }
  }

  private int update(String sql, Object... args) {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("outbox: " + sql.split(" WHERE ")[0], e);
    }
  }
}
