package lookout.agent.loki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.agent.remote.HttpCalls;
import lookout.agent.remote.RemoteException;

/**
 * Loki's HTTP API, the two reads Lookout needs: {@code GET /loki/api/v1/query_range} (log lines of
 * a LogQL query, newest {@code limit} first, returned oldest first) and {@code GET
 * /loki/api/v1/labels}. Blocking, bounded by the endpoint's timeout and {@link #MAX_BODY}. Every
 * failure is a {@link RemoteException} naming Loki, where it is, what was being done and Loki's own
 * words (its errors are plain text, e.g. {@code parse error at line 1, col 9: syntax error:
 * unexpected IDENTIFIER}, or the API's {@code {status: "error", error}} envelope).
 */
public final class LokiClient {
  static final int MAX_BODY = 8 * 1024 * 1024;

  /** Loki's default {@code max_entries_limit_per_query}; asking for more is refused. */
  public static final int MAX_LIMIT = 5000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR = 300;

  private final HttpCalls calls;
  private final LokiEndpoint endpoint;

  public LokiClient(LokiEndpoint endpoint) {
    this.endpoint = endpoint;
    this.calls = new HttpCalls("Loki", endpoint.http());
  }

  /** The base URL, without credentials, for messages. */
  public String where() {
    return endpoint.http().where();
  }

  /**
   * The newest {@code limit} lines {@code logql} selects in [{@code start}, {@code end}), oldest
   * first.
   *
   * @throws RemoteException when Loki is unreachable, refuses the query, or answers a metric result
   */
  public List<LogLine> query(String logql, Instant start, Instant end, int limit) {
    String what = "running the query " + logql;
    List<Map.Entry<String, String>> params =
        List.of(
            Map.entry("query", logql),
            Map.entry("start", nanos(start)),
            Map.entry("end", nanos(end)),
            Map.entry("limit", Integer.toString(Math.max(1, Math.min(limit, MAX_LIMIT)))),
            Map.entry("direction", "backward"));
    JsonNode data = data(get("loki/api/v1/query_range", params, what), what);
    String type = data.path("resultType").asText("");
    if (!type.equals("streams")) {
      throw new RemoteException(
          "Loki at "
              + where()
              + " answered "
              + what
              + " with a "
              + (type.isEmpty() ? "result of no type" : type + " (a metric query)")
              + "; ask for log lines: a stream selector such as {namespace=\"shop\"} and line"
              + " filters",
          200);
    }
    List<LogLine> out = new ArrayList<>();
    for (JsonNode stream : data.path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      stream
          .path("stream")
          .properties()
          .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      for (JsonNode value : stream.path("values")) {
        out.add(
            new LogLine(instant(value.path(0).asText(""), what), labels, value.path(1).asText("")));
      }
    }
    out.sort(Comparator.comparing(LogLine::at));
    return out;
  }

  /** The label names of the streams Loki holds in [{@code start}, {@code end}), sorted. */
  public List<String> labels(Instant start, Instant end) {
    String what = "listing labels";
    JsonNode data =
        data(
            get(
                "loki/api/v1/labels",
                List.of(Map.entry("start", nanos(start)), Map.entry("end", nanos(end))),
                what),
            what);
    List<String> out = new ArrayList<>();
    data.forEach(n -> out.add(n.asText()));
    return out.stream().sorted().toList();
  }

  private HttpCalls.Answer get(String path, List<Map.Entry<String, String>> params, String what) {
    HttpRequest.Builder request = endpoint.http().request(path, params).GET();
    endpoint.tenant().ifPresent(t -> request.header("X-Scope-OrgID", t));
    HttpCalls.Answer a = calls.send(request.build(), MAX_BODY, what);
    if (!a.ok()) {
      throw new RemoteException(
          "Loki at "
              + where()
              + " refused "
              + what
              + " (HTTP "
              + a.status()
              + "): "
              + error(a.text()),
          a.status());
    }
    return a;
  }

  /** The {@code data} of a success envelope. */
  private JsonNode data(HttpCalls.Answer a, String what) {
    JsonNode root;
    try {
      root = JSON.readTree(a.body());
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new RemoteException(
          "Loki at " + where() + " answered " + what + " with something not JSON", a.status());
    }
    if (!root.path("status").asText("").equals("success")) {
      throw new RemoteException(
          "Loki at " + where() + " failed " + what + ": " + error(a.text()), a.status());
    }
    return root.path("data");
  }

  /** Loki's words: the {@code error} of a JSON envelope, else the text, on one short line. */
  static String error(String body) {
    String text = body == null ? "" : body.strip();
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && node.hasNonNull("error")) {
        text = node.get("error").asText();
      } else if (node != null && node.hasNonNull("message")) {
        text = node.get("message").asText();
      }
    } catch (IOException e) {
      // plain text, as Loki writes most errors
    }
    text = text.replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "(no message)";
    }
    return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) + "…" : text;
  }

  private Instant instant(String nanos, String what) {
    try {
      return Instant.ofEpochSecond(0, Long.parseLong(nanos));
    } catch (NumberFormatException e) {
      throw new RemoteException(
          "Loki at "
              + where()
              + " sent a timestamp that is not nanoseconds ("
              + nanos
              + ") while "
              + what,
          200);
    }
  }

  static String nanos(Instant t) {
    return Long.toString(t.getEpochSecond() * 1_000_000_000L + t.getNano());
  }
}
