package lookout.approvals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** Maps {@code approval_requests} rows to {@link ApprovalRequest} and back. */
final class RequestRows {
  /** The columns {@link #read} expects, in order. */
  static final String COLUMNS =
      "id, action_json, requester, state, created_at, expires_at, approvals, decided_by, result,"
          + " message_ref";

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
        rs.getString(10));
  }

  static void setNullable(PreparedStatement st, int index, String value) throws SQLException {
    if (value == null) {
      st.setNull(index, Types.VARCHAR);
    } else {
      st.setString(index, value);
    }
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
