package lookout.adapters.console;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Reads request bodies into fields, refusing anything that is not what the API documents. */
final class JsonFields {
  private final JsonObject body;

  private JsonFields(JsonObject body) {
    this.body = body;
  }

  static JsonFields parse(Buffer buffer) {
    if (buffer == null || buffer.length() == 0) {
      throw ApiError.badRequest("body is empty: expected a JSON object");
    }
    Object value;
    try {
      value = Json.decodeValue(buffer);
    } catch (DecodeException e) {
      throw ApiError.badRequest("body is not valid JSON: " + describe(e));
    }
    if (!(value instanceof JsonObject object)) {
      throw ApiError.badRequest("body must be a JSON object");
    }
    return new JsonFields(object);
  }

  /** A string field that must be present and not blank. */
  String required(String name) {
    String value = optional(name);
    if (value == null) {
      throw ApiError.badRequest(name + ": missing; expected a string");
    }
    if (value.isBlank()) {
      throw ApiError.badRequest(name + ": must not be blank");
    }
    return value;
  }

  /** A string field that may be absent or null (an empty string counts as absent). */
  String optional(String name) {
    Object value = body.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw ApiError.badRequest(name + ": must be a string");
    }
    return s.isEmpty() ? null : s;
  }

  /** Checks a user or channel name: 1-64 characters of A-Z a-z 0-9 . _ - */
  static String name(String field, String value) {
    if (!ConsoleAdapter.NAME.matcher(value).matches()) {
      throw ApiError.badRequest(field + ": must be 1-64 characters of A-Z a-z 0-9 . _ -");
    }
    return value;
  }

  /** Checks a length in characters (code points, so an emoji counts once). */
  static String length(String field, String value, int max) {
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw ApiError.badRequest(field + ": is " + length + " characters long; the limit is " + max);
    }
    return value;
  }

  private static String describe(DecodeException e) {
    if (e.getCause() instanceof JsonProcessingException jackson) {
      JsonLocation where = jackson.getLocation();
      String what = firstLine(jackson.getOriginalMessage());
      return where == null
          ? what
          : what + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }
    return firstLine(e.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
