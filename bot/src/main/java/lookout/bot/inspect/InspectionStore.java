package lookout.bot.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.agent.inspect.InspectionHistory;
import lookout.agent.inspect.Snapshot;

/**
 * Check-up memory in the database: the last snapshot per scope (so the next report can say what is
 * new) and one row per scheduled run (so among several replicas exactly one posts it). The tables
 * come from the {@code inspect} migrations ({@code db/migration/inspect}), run when the database
 * opens.
 */
public final class InspectionStore implements InspectionHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource db;

  public InspectionStore(DataSource db) {
    this.db = db;
  }

  @Override
  public Optional<Snapshot> last(String scope) {
    String sql = "SELECT taken_at, findings FROM inspection_snapshots WHERE scope = ?";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, scope);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Snapshot(scope, Instant.ofEpochMilli(rs.getLong(1)), read(rs.getString(2))));
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("while reading the last check-up of " + scope, e);
    }
  }

  @Override
  public void save(Snapshot s) {
    String sql =
        "INSERT INTO inspection_snapshots (scope, taken_at, findings) VALUES (?, ?, ?)"
            + " ON CONFLICT (scope) DO UPDATE SET taken_at = excluded.taken_at,"
            + " findings = excluded.findings";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, s.scope());
      ps.setLong(2, s.at().toEpochMilli());
      ps.setString(3, write(s.findings()));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("while saving the check-up of " + s.scope(), e);
    }
  }

  /**
   * Claims the run of {@code schedule} due at {@code due}: true for exactly one caller, whichever
   * replica it runs in.
   */
  public boolean claimRun(String schedule, Instant due, Instant now) {
    String sql =
        "INSERT INTO inspection_runs (schedule, due_at, claimed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schedule);
      ps.setLong(2, due.toEpochMilli());
      ps.setLong(3, now.toEpochMilli());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("while claiming the check-up run " + schedule, e);
    }
  }

  private static String write(Map<String, Snapshot.Seen> findings) {
    ObjectNode root = JSON.createObjectNode();
    findings.forEach(
        (key, seen) ->
            root.putObject(key)
                .put("subject", seen.subject())
                .put("summary", seen.summary())
                .put("since", seen.since().toEpochMilli()));
    return root.toString();
  }

  private static Map<String, Snapshot.Seen> read(String json) throws java.io.IOException {
    Map<String, Snapshot.Seen> out = new LinkedHashMap<>();
    JsonNode root = JSON.readTree(json);
    root.properties()
        .forEach(
            e ->
                out.put(
                    e.getKey(),
                    new Snapshot.Seen(
                        e.getValue().path("subject").asText(),
                        e.getValue().path("summary").asText(),
                        Instant.ofEpochMilli(e.getValue().path("since").asLong()))));
    return out;
  }
}
