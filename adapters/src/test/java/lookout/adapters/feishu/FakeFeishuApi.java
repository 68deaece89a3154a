package lookout.adapters.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import lookout.testing.Eventually;

/**
 * A fake Feishu open API on loopback for the official client ({@code Client.newBuilder(id,
 * secret).openBaseUrl(url())}): hands out tenant access tokens and takes {@code im.v1} message
 * create, reply and patch calls, recording each with its JSON body. Like Feishu, a create or reply
 * whose {@code uuid} was seen before answers with the first message instead of posting again.
 * Scripted answers (rate limit, server error, refusal, invalid token) can be queued for the next
 * message calls.
 */
public final class FakeFeishuApi implements AutoCloseable {
  /**
   * One message call: {@code create}, {@code reply} or {@code patch}; the message id in the path
   * (reply and patch); the JSON body; and the message id answered (null when refused).
   */
  public record Call(
      String kind, String pathId, JsonNode body, String authorization, String answeredId) {
    public String field(String name) {
      JsonNode v = body.get(name);
      return v == null || v.isNull() ? null : v.asText();
    }

    /** The card in {@code content}, parsed. */
    public JsonNode card() {
      try {
        return JSON.readTree(field("content"));
      } catch (IOException e) {
        throw new AssertionError("content is not a JSON card: " + field("content"), e);
      }
    }
  }

  private record Scripted(int status, Map<String, String> headers, String body, String onlyFor) {
    Scripted(int status, Map<String, String> headers, String body) {
      this(status, headers, body, null);
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Call> all = new CopyOnWriteArrayList<>();
  private final List<Integer> uploads = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
  private final Map<String, String> byUuid = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final AtomicInteger tokensIssued = new AtomicInteger();

  public FakeFeishuApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/open-apis/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next message call answers HTTP 400, code 99991400, with the rate-limit reset header. */
  public void rateLimitNext(int seconds) {
    script.add(
        new Scripted(
            400,
            Map.of("x-ogw-ratelimit-reset", String.valueOf(seconds)),
            "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}"));
  }

  /** Like {@link #rateLimitNext}, but only for the next reply to or patch of {@code messageId}. */
  public void rateLimitNextFor(String messageId, int seconds) {
    script.add(
        new Scripted(
            400,
            Map.of("x-ogw-ratelimit-reset", String.valueOf(seconds)),
            "{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}",
            messageId));
  }

  /** The next message call answers HTTP {@code status} with Feishu's generic error body. */
  public void failNext(int status) {
    script.add(new Scripted(status, Map.of(), "{\"code\":1500,\"msg\":\"internal error\"}"));
  }

  /** The next message call is refused with {@code code} (HTTP 400). */
  public void refuseNext(int code, String msg) {
    script.add(new Scripted(400, Map.of(), "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}"));
  }

  /** The next message call says the tenant access token is invalid. */
  public void invalidTokenNext() {
    refuseNext(99991663, "Invalid access token for authorization");
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  public List<Call> all() {
    return List.copyOf(all);
  }

  /** Waits for the first recorded call matching, or fails listing what was seen. */
  public Call await(java.util.function.Predicate<Call> which, long seconds)
      throws InterruptedException {
    try {
      return Eventually.value(
          "a matching Feishu call",
          Duration.ofSeconds(seconds),
          () -> all.stream().filter(which).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no matching Feishu call within " + seconds + " s; seen " + all);
    }
  }

  /** Sizes of the image uploads received, in order. */
  public List<Integer> imageUploads() {
    return List.copyOf(uploads);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] raw = exchange.getRequestBody().readAllBytes();
    if (path.equals("/open-apis/auth/v3/tenant_access_token/internal")) {
      int n = tokensIssued.incrementAndGet();
      reply(
          exchange,
          200,
          Map.of(),
          "{\"code\":0,\"msg\":\"ok\",\"tenant_access_token\":\"t-fake-"
              + n
              + "\",\"expire\":7200}");
      return;
    }
    if (path.equals("/open-apis/im/v1/images") && exchange.getRequestMethod().equals("POST")) {
      // multipart/form-data with image_type and image; the key is answered, the bytes counted
      String key = "img_v2_fake" + ids.incrementAndGet();
      uploads.add(raw.length);
      reply(
          exchange,
          200,
          Map.of(),
          "{\"code\":0,\"msg\":\"success\",\"data\":{\"image_key\":\"" + key + "\"}}");
      return;
    }
    String rest = path.substring("/open-apis/im/v1/messages".length());
    String method = exchange.getRequestMethod();
    String kind;
    String pathId = null;
    if (rest.isEmpty() && method.equals("POST")) {
      kind = "create";
    } else if (rest.endsWith("/reply") && method.equals("POST")) {
      kind = "reply";
      pathId = rest.substring(1, rest.length() - "/reply".length());
    } else if (method.equals("PATCH")) {
      kind = "patch";
      pathId = rest.substring(1);
    } else {
      reply(exchange, 404, Map.of(), "{\"code\":404,\"msg\":\"not found\"}");
      return;
    }
    JsonNode body = JSON.readTree(new String(raw, StandardCharsets.UTF_8));
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    Scripted answer = scripted(pathId);
    if (answer != null) {
      all.add(new Call(kind, pathId, body, auth, null));
      reply(exchange, answer.status(), answer.headers(), answer.body());
      return;
    }
    String id;
    if (kind.equals("patch")) {
      id = pathId;
    } else {
      String uuid = body.path("uuid").asText("");
      id = uuid.isEmpty() ? next() : byUuid.computeIfAbsent(uuid, u -> next());
    }
    all.add(new Call(kind, pathId, body, auth, id));
    reply(
        exchange,
        200,
        Map.of(),
        "{\"code\":0,\"msg\":\"success\",\"data\":{\"message_id\":\""
            + id
            + "\",\"chat_id\":\""
            + body.path("receive_id").asText("oc_x")
            + "\",\"msg_type\":\"interactive\"}}");
  }

  /** The first queued answer meant for any call or for this message, taken off the queue. */
  private Scripted scripted(String pathId) {
    for (Scripted s : script) {
      if ((s.onlyFor() == null || s.onlyFor().equals(pathId)) && script.remove(s)) {
        return s;
      }
    }
    return null;
  }

  private String next() {
    return "om_fake" + ids.incrementAndGet();
  }

  private static void reply(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
