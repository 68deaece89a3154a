package lookout.adapters.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake Slack Web API on loopback for the official client ({@code
 * SlackConfig.setMethodsEndpointUrlPrefix(url())}): records every call with its form fields and
 * answers {@code ok: true} with a fresh {@code ts}, unless a scripted answer (a 429 with
 * Retry-After, a 500, an {@code ok: false}) is queued for the next calls. It remembers posted
 * messages (with their metadata) for {@code conversations.replies} and {@code
 * conversations.history}, and takes v2 file uploads ({@code files.getUploadURLExternal}, the bytes
 * to its upload URL, {@code files.completeUploadExternal}).
 */
public final class FakeSlackApi implements AutoCloseable {
  /**
   * One Web API call: the method (e.g. {@code chat.postMessage}), its form fields, and the {@code
   * ts} a successful answer carried (null when the call was refused).
   */
  public record Call(
      String method, Map<String, String> fields, String authorization, String answeredTs) {
    public String field(String name) {
      return fields.get(name);
    }
  }

  /**
   * @param process the call still takes effect (a post is recorded) before the scripted answer: the
   *     platform accepted it and the reply was lost
   */
  private record Scripted(int status, Map<String, String> headers, String body, boolean process) {
    Scripted(int status, Map<String, String> headers, String body) {
      this(status, headers, body, false);
    }
  }

  /** A message as the fake keeps it; {@code metadata} is the JSON the client sent, or null. */
  public record Posted(String channel, String thread, String ts, String text, String metadata) {}

  /** A file shared by {@code files.completeUploadExternal}: its name, where, and its bytes. */
  public record Uploaded(
      String id, String filename, String channel, String thread, String content) {}

  private final List<Posted> posted = new CopyOnWriteArrayList<>();
  private final Map<String, String[]> pendingUploads =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<Uploaded> uploads = new CopyOnWriteArrayList<>();

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final List<Call> all = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private volatile String socketUrl;
  // Like Slack, ts values follow the wall clock (lookups ask for messages "since" a time).
  private final AtomicLong ts = new AtomicLong(System.currentTimeMillis() * 1000);

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle);
    server.createContext("/upload/", this::upload);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** {@code apps.connections.open} answers with this WebSocket URL (Socket Mode tests). */
  public void socketModeUrl(String url) {
    this.socketUrl = url;
  }

  /** The next call answers HTTP 429 with {@code Retry-After: seconds}. */
  public void rateLimitNext(int seconds) {
    script.add(
        new Scripted(
            429,
            Map.of("Retry-After", String.valueOf(seconds)),
            "{\"ok\":false,\"error\":\"ratelimited\"}"));
  }

  /** The next call answers HTTP {@code status} with no useful body. */
  public void failNext(int status) {
    script.add(new Scripted(status, Map.of(), "upstream trouble"));
  }

  /**
   * The next call takes effect (a post is stored) but answers HTTP {@code status}: the platform
   * accepted it and the reply was lost on the way.
   */
  public void acceptThenFailNext(int status) {
    script.add(new Scripted(status, Map.of(), "upstream trouble", true));
  }

  /** The next call answers 200 {@code ok: false} with {@code error}. */
  public void refuseNext(String error) {
    script.add(new Scripted(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}"));
  }

  /** Waits for the next recorded call. */
  public Call next(long seconds) throws InterruptedException {
    Call call = calls.poll(seconds, TimeUnit.SECONDS);
    if (call == null) {
      throw new AssertionError("no Slack Web API call within " + seconds + " s; seen " + all);
    }
    return call;
  }

  /** Waits for the next call of {@code method}, skipping others. */
  public Call next(String method, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      Call call = calls.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (call != null && call.method().equals(method)) {
        return call;
      }
    }
    throw new AssertionError("no " + method + " call within " + seconds + " s; seen " + all);
  }

  public List<Call> all() {
    return List.copyOf(all);
  }

  /** Every message posted so far, in order. */
  public List<Posted> posted() {
    return List.copyOf(posted);
  }

  /** Every file shared so far, in order. */
  public List<Uploaded> uploads() {
    return List.copyOf(uploads);
  }

  private String answer(String method, Map<String, String> fields, String stamp) {
    String channel = fields.getOrDefault("channel", "C0");
    switch (method) {
      case "chat.postMessage" ->
          posted.add(
              new Posted(
                  channel,
                  fields.get("thread_ts"),
                  stamp,
                  fields.get("text"),
                  fields.get("metadata")));
      case "conversations.replies" -> {
        String root = fields.get("ts");
        return messages(
            m -> m.channel().equals(channel) && (root.equals(m.thread()) || root.equals(m.ts())),
            fields);
      }
      case "conversations.history" -> {
        return messages(m -> m.channel().equals(channel) && m.thread() == null, fields);
      }
      case "files.getUploadURLExternal" -> {
        String id = "F" + stamp.replace(".", "");
        pendingUploads.put(id, new String[] {fields.get("filename"), null});
        String url = url().replace("/api/", "/upload/") + id;
        return "{\"ok\":true,\"upload_url\":\"" + url + "\",\"file_id\":\"" + id + "\"}";
      }
      case "files.completeUploadExternal" -> {
        StringBuilder files = new StringBuilder();
        for (String id : fileIds(fields.getOrDefault("files", ""))) {
          String[] file = pendingUploads.remove(id);
          if (file == null || file[1] == null) {
            return "{\"ok\":false,\"error\":\"file_not_found\"}";
          }
          uploads.add(
              new Uploaded(
                  id, file[0], fields.get("channel_id"), fields.get("thread_ts"), file[1]));
          files.append(files.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
        }
        return "{\"ok\":true,\"files\":[" + files + "]}";
      }
      default -> {}
    }
    return ok(channel, stamp);
  }

  private String messages(java.util.function.Predicate<Posted> which, Map<String, String> fields) {
    double oldest = Double.parseDouble(fields.getOrDefault("oldest", "0"));
    boolean withMetadata =
        "1".equals(fields.get("include_all_metadata"))
            || "true".equals(fields.get("include_all_metadata"));
    StringBuilder out = new StringBuilder("{\"ok\":true,\"has_more\":false,\"messages\":[");
    boolean first = true;
    for (Posted m : posted) {
      if (!which.test(m) || Double.parseDouble(m.ts()) < oldest) {
        continue;
      }
      out.append(first ? "" : ",")
          .append("{\"type\":\"message\",\"ts\":\"")
          .append(m.ts())
          .append('"');
      if (m.thread() != null) {
        out.append(",\"thread_ts\":\"").append(m.thread()).append('"');
      }
      if (withMetadata && m.metadata() != null) {
        out.append(",\"metadata\":").append(m.metadata());
      }
      out.append('}');
      first = false;
    }
    return out.append("]}").toString();
  }

  private static List<String> fileIds(String filesJson) {
    List<String> ids = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(filesJson);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private void upload(HttpExchange exchange) throws IOException {
    String id = exchange.getRequestURI().getPath().substring("/upload/".length());
    String content = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String[] file = pendingUploads.get(id);
    int status = file == null ? 404 : 200;
    if (file != null) {
      file[1] = content;
    }
    byte[] bytes = ("OK - " + content.length()).getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = form(body);
    Scripted answer = script.poll();
    if (answer == null && method.equals("apps.connections.open") && socketUrl != null) {
      answer = new Scripted(200, Map.of(), "{\"ok\":true,\"url\":\"" + socketUrl + "\"}");
    }
    String answeredTs = null;
    if (answer != null && answer.process()) {
      answer(method, fields, nextTs());
    }
    if (answer == null) {
      answeredTs =
          fields.containsKey("ts") && !method.startsWith("conversations.")
              ? fields.get("ts")
              : nextTs();
      answer = new Scripted(200, Map.of(), answer(method, fields, answeredTs));
    }
    Call call =
        new Call(
            method, fields, exchange.getRequestHeaders().getFirst("Authorization"), answeredTs);
    all.add(call);
    calls.add(call);
    answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String nextTs() {
    long n = ts.incrementAndGet();
    return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
  }

  private static String ok(String channel, String stamp) {
    return "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + stamp + "\"}";
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
