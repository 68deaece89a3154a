package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.testing.Eventually;

/**
 * WeCom's server side on loopback, as far as Lookout uses it: {@code gettoken}, {@code
 * message/send}, {@code message/update_template_card}, {@code webhook/send} and AI-bot reply URLs
 * ({@code /aibot/reply/<id>}, each usable once, like WeCom's). It checks the access token, hands
 * out response codes for cards, records every call, and can be told to answer the next call to a
 * path with an errcode.
 */
public final class FakeWecomApi implements AutoCloseable {
  public static final String CORP_ID = "ww0123456789abcdef";
  public static final String SECRET = "app-secret-for-tests-only-0123456789";

  /** One recorded call. */
  public record Call(String path, Map<String, String> query, JsonNode body) {
    public String field(String name) {
      return body.path(name).asText(null);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Map<String, ConcurrentLinkedQueue<Integer>> failures = new ConcurrentHashMap<>();
  private final Map<String, Boolean> usedReplies = new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile String validToken;

  public FakeWecomApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** A reply URL as an AI-bot callback carries it. */
  public String replyUrl(String id) {
    return url() + "aibot/reply/" + id;
  }

  /** The next call whose path ends with {@code path} gets {@code errcode}. */
  public void failNext(String path, int errcode) {
    failures.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).add(errcode);
  }

  /** Makes the current token invalid, as when WeCom expires it early. */
  public void expireToken() {
    validToken = "expired";
  }

  public int tokensIssued() {
    return tokens.get();
  }

  public List<Call> all() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  public List<Call> calls(String pathEnd) {
    return all().stream().filter(c -> c.path().endsWith(pathEnd)).toList();
  }

  /**
   * Waits up to {@code seconds} for the n-th (1-based) call to a path ending with {@code pathEnd}.
   */
  public Call await(String pathEnd, int n, int seconds) throws InterruptedException {
    try {
      return Eventually.value(
          "call #" + n + " to " + pathEnd,
          Duration.ofSeconds(seconds),
          () -> {
            List<Call> found = calls(pathEnd);
            return found.size() >= n ? found.get(n - 1) : null;
          });
    } catch (AssertionError e) {
      throw new AssertionError("no call #" + n + " to " + pathEnd + " in " + all());
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> query = new java.util.HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        int eq = kv.indexOf('=');
        query.put(
            kv.substring(0, eq),
            java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    byte[] in = ex.getRequestBody().readAllBytes();
    JsonNode body = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
    ObjectNode out = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    Integer fail = failureFor(path);
    if (fail != null) {
      out.put("errcode", fail).put("errmsg", "injected by the test");
    } else if (path.endsWith("/cgi-bin/gettoken")) {
      if (CORP_ID.equals(query.get("corpid")) && SECRET.equals(query.get("corpsecret"))) {
        validToken = "token-" + tokens.incrementAndGet();
        out.put("access_token", validToken).put("expires_in", 7200);
      } else {
        out.put("errcode", 40001).put("errmsg", "invalid credential");
      }
    } else if (path.startsWith("/cgi-bin/message/")
        && !query.getOrDefault("access_token", "").equals(validToken)) {
      out.put("errcode", 42001).put("errmsg", "access_token expired");
    } else if (path.endsWith("/message/send")) {
      out.put("msgid", "msg" + ids.incrementAndGet());
      if ("template_card".equals(body.path("msgtype").asText())) {
        out.put("response_code", "code-send-" + ids.incrementAndGet());
      }
    } else if (path.startsWith("/aibot/reply/")) {
      if (usedReplies.putIfAbsent(path, true) != null) {
        out.put("errcode", 40008).put("errmsg", "response_url already used");
      }
    }
    calls.add(new Call(path, Map.copyOf(query), body));
    byte[] answer = out.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, answer.length);
    ex.getResponseBody().write(answer);
    ex.close();
  }

  private Integer failureFor(String path) {
    for (var e : failures.entrySet()) {
      if (path.endsWith(e.getKey())) {
        Integer code = e.getValue().poll();
        if (code != null) {
          return code;
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
