package lookout.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Maps {@code approval_requests} rows to {@link ApprovalRequest} and back. */
final class RequestRows {
  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS =
      "id, action_json, requester, state, created_at, expires_at, approvals, decided_by, result,"
          + " message_ref, required_approvals, approvers, dry_run, before_replicas,"
          + " before_generation";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private RequestRows() {}

  static ApprovalRequest read(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    Action action;
    try {
      action = ActionCodec.fromJson(rs.getString(2));
    } catch (IllegalArgumentException e) {
      throw new SQLException("request " + id + " has an unreadable action: " + e.getMessage(), e);
    }
    return new ApprovalRequest(
        id,
        action,
        rs.getString(3),
        State.valueOf(rs.getString(4)),
        Instant.ofEpochMilli(rs.getLong(5)),
        Instant.ofEpochMilli(rs.getLong(6)),
        fromJson(id, rs.getString(7)),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getInt(11),
        rs.getString(12),
        rs.getString(13),
        snapshot(rs));
  }

  private static TargetSnapshot snapshot(ResultSet rs) throws SQLException {
    int replicas = rs.getInt(14);
    if (rs.wasNull()) {
      return null;
    }
    return new TargetSnapshot(replicas, rs.getLong(15));
  }

  static String toJson(List<String> list) {
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  private static List<String> fromJson(String id, String json) throws SQLException {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new SQLException("request " + id + " has unreadable approvals: " + json, e);
    }
  }
}
