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
 * Retry-After, a 500, an {@code ok: false}) is queued for the next calls.
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

  private record Scripted(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final List<Call> all = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private volatile String socketUrl;
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);

  public FakeSlackApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::handle);
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

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = form(body);
    Scripted answer = script.poll();
    if (answer == null && method.equals("apps.connections.open") && socketUrl != null) {
      answer = new Scripted(200, Map.of(), "{\"ok\":true,\"url\":\"" + socketUrl + "\"}");
    }
    String answeredTs = null;
    if (answer == null) {
      answeredTs = fields.containsKey("ts") ? fields.get("ts") : nextTs();
      answer = new Scripted(200, Map.of(), ok(fields.getOrDefault("channel", "C0"), answeredTs));
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
