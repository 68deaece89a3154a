package lookout.bot.alerts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finding roots both ways: where a group's roots are, and which group a root message is. */
final class RootLookup {
  private final SharedConnection connections;

  RootLookup(SharedConnection connections) {
    this.connections = connections;
  }

  /** The destinations where the group's root has been posted. */
  List<Destination> destinations(String groupId) {
    List<Destination> out = new ArrayList<>();
    query(
        "SELECT destination FROM alert_roots WHERE group_id = ? AND message_id IS NOT NULL"
            + " ORDER BY destination",
        groupId,
        null,
        r -> out.add(Destination.parse(r.getString(1))));
    return out;
  }

  /** The group whose root in {@code destination} is message {@code messageId}. */
  Optional<String> groupOf(Destination destination, String messageId) {
    List<String> out = new ArrayList<>();
    query(
        "SELECT group_id FROM alert_roots WHERE destination = ? AND message_id = ?",
        destination.toString(),
        messageId,
        r -> out.add(r.getString(1)));
    return out.stream().findFirst();
  }

  private interface Row {
    void read(ResultSet r) throws SQLException;
  }

  private void query(String sql, String first, String second, Row row) {
    try (SharedConnection.Handle h = connections.handle();
        PreparedStatement s = h.c().prepareStatement(sql)) {
      s.setString(1, first);
      if (second != null) {
        s.setString(2, second);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          row.read(r);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("while looking up alert roots: " + e.getMessage(), e);
    }
  }
}
