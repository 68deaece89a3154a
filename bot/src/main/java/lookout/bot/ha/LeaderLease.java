package lookout.bot.ha;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One named lease in the {@code leader_leases} table: a row saying which process holds it until
 * when. Taking it is a single conditional UPDATE (ours already, or expired) or an INSERT that does
 * nothing on conflict, so two processes can never both succeed for the same expiry; both statements
 * are plain SQL that SQLite and PostgreSQL run alike. The table comes from the {@code leases}
 * migrations ({@code db/migration/leases}), run when the database opens.
 *
 * <p>Expiry compares each replica's wall clock with the stored deadline, so clocks must agree to
 * well under the lease time (NTP does). A skewed clock can make two replicas believe they lead for
 * the skew's length; the work guarded by the lease is itself a compare-and-set, so that costs a
 * duplicate no-op, never a duplicate effect.
 */
public final class LeaderLease {
  private final DataSource db;
  private final String name;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;

  /**
   * @param name what the lease is for, e.g. {@code timers}
   * @param holder this process, unique among replicas (e.g. pod name + pid + random)
   */
  public LeaderLease(DataSource db, String name, String holder, Duration ttl, Clock clock) {
    this.db = db;
    this.name = name;
    this.holder = holder;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * Takes the lease if it is free or expired, or extends it if this process holds it.
   *
   * @return true when this process holds the lease for the next {@link #ttl()}
   * @throws SQLException when the database cannot be reached (the caller must not assume it leads)
   */
  public boolean tryAcquire() throws SQLException {
    long now = clock.millis();
    long until = now + ttl.toMillis();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement renew =
          c.prepareStatement(
              "UPDATE leader_leases SET holder = ?, expires_at = ?"
                  + " WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
        renew.setString(1, holder);
        renew.setLong(2, until);
        renew.setString(3, name);
        renew.setString(4, holder);
        renew.setLong(5, now);
        if (renew.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement first =
          c.prepareStatement(
              "INSERT INTO leader_leases (name, holder, expires_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (name) DO NOTHING")) {
        first.setString(1, name);
        first.setString(2, holder);
        first.setLong(3, until);
        return first.executeUpdate() == 1;
      }
    }
  }

  /** Gives the lease up at once (a clean shutdown), so another replica need not wait it out. */
  public void release() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement st =
            c.prepareStatement("DELETE FROM leader_leases WHERE name = ? AND holder = ?")) {
      st.setString(1, name);
      st.setString(2, holder);
      st.executeUpdate();
    }
  }

  /** Who holds the lease now, if anyone holds an unexpired one. */
  public Optional<String> holderNow() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement st =
            c.prepareStatement("SELECT holder, expires_at FROM leader_leases WHERE name = ?")) {
      st.setString(1, name);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next() && rs.getLong(2) >= clock.millis()) {
          return Optional.of(rs.getString(1));
        }
        return Optional.empty();
      }
    }
  }

  public String holder() {
    return holder;
  }

  public Duration ttl() {
    return ttl;
  }
}
