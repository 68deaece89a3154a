package lookout.bot.alerts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates an Alertmanager webhook body (version 4) into a {@link Notification}. Every
 * rejection is a {@link BadPayload} naming the JSON path, e.g. {@code alerts[2].startsAt: not an
 * RFC 3339 time}.
 */
public final class PayloadParser {
  /** Alertmanager's limit per notification is configurable; this keeps one request bounded. */
  static final int MAX_ALERTS = 5_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  public Notification parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new BadPayload("body: not valid JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new BadPayload("body: unreadable: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadPayload("body: expected a JSON object (Alertmanager webhook payload)");
    }
    String version = text(root, "version", "version", false);
    if (!version.isEmpty() && !version.equals("4")) {
      throw new BadPayload("version: \"" + version + "\" is not supported, expected \"4\"");
    }
    String groupKey = text(root, "groupKey", "groupKey", true);
    if (groupKey.length() > 4096) {
      throw new BadPayload("groupKey: longer than 4096 characters");
    }
    String status = status(root, "status");
    JsonNode alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw new BadPayload("alerts: expected a list of alerts");
    }
    if (alerts.size() > MAX_ALERTS) {
      throw new BadPayload("alerts: " + alerts.size() + " alerts, at most " + MAX_ALERTS);
    }
    List<Alert> parsed = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      parsed.add(alert(alerts.get(i), "alerts[" + i + "]"));
    }
    JsonNode truncated = root.get("truncatedAlerts");
    return new Notification(
        text(root, "receiver", "receiver", false),
        status,
        groupKey,
        truncated != null && truncated.canConvertToInt() ? truncated.asInt() : 0,
        strings(root, "groupLabels", "groupLabels"),
        strings(root, "commonLabels", "commonLabels"),
        strings(root, "commonAnnotations", "commonAnnotations"),
        text(root, "externalURL", "externalURL", false),
        parsed);
  }

  private static Alert alert(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new BadPayload(path + ": expected an object");
    }
    Map<String, String> labels = strings(node, "labels", path + ".labels");
    if (labels.isEmpty()) {
      throw new BadPayload(path + ".labels: expected at least one label (alertname)");
    }
    String fingerprint = text(node, "fingerprint", path + ".fingerprint", false);
    if (fingerprint.isEmpty()) {
      // Older senders omit it; the sorted label set identifies the alert just as well.
      fingerprint = Integer.toHexString(new java.util.TreeMap<>(labels).toString().hashCode());
    }
    Instant ends = time(node, "endsAt", path + ".endsAt", false);
    return new Alert(
        status(node, path + ".status"),
        labels,
        strings(node, "annotations", path + ".annotations"),
        time(node, "startsAt", path + ".startsAt", true),
        ends != null && ends.getEpochSecond() > 0 ? ends : null,
        text(node, "generatorURL", path + ".generatorURL", false),
        fingerprint);
  }

  private static String status(JsonNode node, String path) {
    String status = text(node, "status", path, true);
    if (!status.equals("firing") && !status.equals("resolved")) {
      throw new BadPayload(path + ": \"" + status + "\" is not firing or resolved");
    }
    return status;
  }

  private static String text(JsonNode node, String field, String path, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new BadPayload(path + ": missing");
      }
      return "";
    }
    if (!value.isTextual()) {
      throw new BadPayload(path + ": expected a string, got " + value.getNodeType());
    }
    if (required && value.asText().isBlank()) {
      throw new BadPayload(path + ": empty");
    }
    return value.asText();
  }

  private static Map<String, String> strings(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw new BadPayload(path + ": expected an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : value.properties()) {
      if (!e.getValue().isTextual()) {
        throw new BadPayload(path + "." + e.getKey() + ": expected a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private static Instant time(JsonNode node, String field, String path, boolean required) {
    String text = text(node, field, path, required);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadPayload(path + ": \"" + text + "\" is not an RFC 3339 time");
    }
  }
}
