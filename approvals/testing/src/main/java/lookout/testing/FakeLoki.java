package lookout.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback Loki serving {@code GET /loki/api/v1/query_range} and {@code GET /loki/api/v1/labels}
 * as Loki's HTTP API documents them: the {@code {status, data: {resultType: "streams", result:
 * [{stream, values: [[ns-timestamp-string, line]]}]}}} envelope, {@code limit} (default 100) over
 * all streams, {@code direction} backward (default: newest first) or forward, {@code start}/{@code
 * end} as nanosecond epochs or RFC 3339. Errors are Loki's plain-text bodies: 400 for a query its
 * parser refuses (see {@link LogQlSubset}), {@code limit} over {@code max_entries_limit_per_query}
 * (5000) or {@code end} before {@code start}; 401 {@code no org id} when a tenant is required and
 * no {@code X-Scope-OrgID} came; and whatever {@link #failNext} queues (429, 5xx).
 */
public final class FakeLoki implements AutoCloseable {
  static final int MAX_ENTRIES = 5000;

  /** One received request: its path, decoded query parameters and headers (lower-case names). */
  public record Request(String path, Map<String, String> params, Map<String, String> headers) {}

  private record Entry(String tenant, Map<String, String> labels, Instant at, String line) {}

  private record Failure(int status, String body) {}

  private final HttpServer server;
  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean multiTenant;

  private FakeLoki() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/loki/api/v1/query_range", e -> serve(e, this::queryRange));
    server.createContext("/loki/api/v1/labels", e -> serve(e, this::labels));
    server.start();
  }

  public static FakeLoki start() {
    try {
      return new FakeLoki();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the fake Loki", e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Requires {@code X-Scope-OrgID} (Loki's {@code auth_enabled: true}); entries are per tenant. */
  public FakeLoki multiTenant() {
    this.multiTenant = true;
    return this;
  }

  /**
   * Stores one line of the stream {@code labels} (tenant {@code fake}, Loki's single-tenant id).
   */
  public FakeLoki push(Map<String, String> labels, Instant at, String line) {
    return push("fake", labels, at, line);
  }

  public FakeLoki push(String tenant, Map<String, String> labels, Instant at, String line) {
    entries.add(new Entry(tenant, Map.copyOf(labels), at, line));
    return this;
  }

  /** The next request is answered with {@code status} and the plain-text {@code body}. */
  public FakeLoki failNext(int status, String body) {
    failures.add(new Failure(status, body));
    return this;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private interface Handler {
    String answer(Map<String, String> params, String tenant) throws Refusal;
  }

  private static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    Refusal(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private void serve(HttpExchange e, Handler handler) throws IOException {
    try (e) {
      Map<String, String> params = params(e.getRequestURI().getRawQuery());
      Map<String, String> headers = new TreeMap<>();
      e.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
      requests.add(new Request(e.getRequestURI().getPath(), params, headers));
      Failure failure = failures.poll();
      if (failure != null) {
        send(e, failure.status(), "text/plain; charset=utf-8", failure.body() + "\n");
        return;
      }
      String tenant = headers.getOrDefault("x-scope-orgid", "");
      if (multiTenant && tenant.isBlank()) {
        send(e, 401, "text/plain; charset=utf-8", "no org id\n");
        return;
      }
      try {
        send(e, 200, "application/json", handler.answer(params, multiTenant ? tenant : "fake"));
      } catch (Refusal r) {
        send(e, r.status, "text/plain; charset=utf-8", r.getMessage() + "\n");
      }
    }
  }

  private String queryRange(Map<String, String> params, String tenant) throws Refusal {
    LogQlSubset.Query query;
    try {
      query = LogQlSubset.parse(params.get("query"));
    } catch (LogQlSubset.ParseError p) {
      throw new Refusal(400, p.getMessage());
    }
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    if (limit > MAX_ENTRIES) {
      throw new Refusal(
          400,
          "max entries limit per query exceeded, limit > max_entries_limit_per_query ("
              + limit
              + " > "
              + MAX_ENTRIES
              + ")");
    }
    Instant end = time(params.get("end"), Instant.now());
    Instant start = time(params.get("start"), end.minusSeconds(3600));
    if (end.isBefore(start)) {
      throw new Refusal(400, "invalid query, through < from (" + end + " < " + start + ")");
    }
    boolean forward = "forward".equalsIgnoreCase(params.getOrDefault("direction", "backward"));
    Comparator<Entry> order = Comparator.comparing(Entry::at);
    List<Entry> picked =
        entries.stream()
            .filter(x -> x.tenant().equals(tenant))
            .filter(x -> !x.at().isBefore(start) && x.at().isBefore(end))
            .filter(x -> query.selects(x.labels()) && query.keeps(x.line()))
            .sorted(forward ? order : order.reversed())
            .limit(limit)
            .toList();
    Map<Map<String, String>, List<Entry>> streams = new LinkedHashMap<>();
    picked.forEach(x -> streams.computeIfAbsent(x.labels(), k -> new ArrayList<>()).add(x));
    StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":{");
    json.append("\"resultType\":\"streams\",\"result\":[");
    String sep = "";
    for (var s : streams.entrySet()) {
      json.append(sep).append("{\"stream\":{");
      String lsep = "";
      for (var l : new TreeMap<>(s.getKey()).entrySet()) {
        json.append(lsep).append(quote(l.getKey())).append(':').append(quote(l.getValue()));
        lsep = ",";
      }
      json.append("},\"values\":[");
      String vsep = "";
      for (Entry x : s.getValue()) {
        long ns = x.at().getEpochSecond() * 1_000_000_000L + x.at().getNano();
        json.append(vsep)
            .append("[\"")
            .append(ns)
            .append("\",")
            .append(quote(x.line()))
            .append(']');
        vsep = ",";
      }
      json.append("]}");
      sep = ",";
    }
    json.append("],\"stats\":{\"summary\":{\"totalEntriesReturned\":")
        .append(picked.size())
        .append("}}}}");
    return json.toString();
  }

  private String labels(Map<String, String> params, String tenant) {
    Instant end = time(params.get("end"), Instant.now());
    Instant start = time(params.get("start"), end.minusSeconds(6 * 3600));
    TreeSet<String> names = new TreeSet<>();
    entries.stream()
        .filter(x -> x.tenant().equals(tenant))
        .filter(x -> !x.at().isBefore(start) && x.at().isBefore(end))
        .forEach(x -> names.addAll(x.labels().keySet()));
    StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":[");
    String sep = "";
    for (String n : names) {
      json.append(sep).append(quote(n));
      sep = ",";
    }
    return json.append("]}").toString();
  }

  private static Instant time(String value, Instant otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    if (value.chars().allMatch(Character::isDigit)) {
      long ns = Long.parseLong(value);
      return Instant.ofEpochSecond(0, ns);
    }
    return Instant.parse(value);
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void send(HttpExchange e, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", type);
    e.sendResponseHeaders(status, bytes.length);
    e.getResponseBody().write(bytes);
  }
}
