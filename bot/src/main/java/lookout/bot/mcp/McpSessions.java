package lookout.bot.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import reactor.core.publisher.Mono;

/**
 * The SDK's Streamable HTTP sessions, kept for Vert.x (the SDK ships a servlet transport only): the
 * SDK's session does the protocol; this class owns which sessions exist, whose they are, and how
 * many each client may hold. Each session belongs to the client that opened it; another client's
 * session id is treated as unknown. A client at its cap gets its least recently used idle session
 * closed (clients such as the MCP Inspector never close theirs); when all of them are busy, the new
 * one is refused.
 */
final class McpSessions implements McpStreamableServerTransportProvider {
  /** The key under which tool handlers find the calling client in the transport context. */
  static final String CLIENT = "lookout.mcp.client";

  private static final class Open {
    final McpStreamableServerSession session;
    final String client;
    final AtomicLong lastUsed;
    final AtomicInteger busy = new AtomicInteger();

    Open(McpStreamableServerSession session, String client, long now) {
      this.session = session;
      this.client = client;
      this.lastUsed = new AtomicLong(now);
    }
  }

  /** What became of a message, for the route to answer. */
  sealed interface Outcome {}

  /** Answer with this status and JSON body (and session header, when not null). */
  record Json(int status, String body, String sessionId) implements Outcome {}

  /** The SSE reply is being (or has been) written by the session. */
  record Streamed() implements Outcome {}

  private final Map<String, Open> sessions = new ConcurrentHashMap<>();
  private final McpJsonMapper json;
  private final int maxPerClient;
  private final Duration idle;
  private final LongSupplier nanos;
  private volatile McpStreamableServerSession.Factory factory;

  McpSessions(McpJsonMapper json, int maxPerClient, Duration idle, LongSupplier nanos) {
    this.json = json;
    this.maxPerClient = maxPerClient;
    this.idle = idle;
    this.nanos = nanos;
  }

  @Override
  public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
    this.factory = sessionFactory;
  }

  /**
   * Handles one POSTed JSON-RPC message from {@code client}; blocking (call on a virtual thread).
   */
  Outcome post(String client, String sessionId, String body, Replies replies) throws Exception {
    closeIdle();
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(json, body);
    } catch (Exception e) {
      return error(
          400, McpSchema.ErrorCodes.PARSE_ERROR, "not a JSON-RPC message: " + e.getMessage());
    }
    McpTransportContext context = McpTransportContext.create(Map.of(CLIENT, client));
    if (message instanceof McpSchema.JSONRPCRequest request
        && request.method().equals(McpSchema.METHOD_INITIALIZE)) {
      return initialize(client, request);
    }
    Optional<Open> open =
        Optional.ofNullable(sessionId).map(sessions::get).filter(o -> o.client.equals(client));
    if (sessionId == null || sessionId.isBlank()) {
      return error(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Mcp-Session-Id header required");
    }
    if (open.isEmpty()) {
      return error(
          404,
          McpSchema.ErrorCodes.INVALID_REQUEST,
          "no session " + sessionId + " (initialize again)");
    }
    Open o = open.get();
    o.lastUsed.set(nanos.getAsLong());
    o.busy.incrementAndGet();
    try {
      switch (message) {
        case McpSchema.JSONRPCRequest request -> {
          o.session
              .responseStream(request, replies.stream())
              .contextWrite(c -> c.put(McpTransportContext.KEY, context))
              .block();
          return new Streamed();
        }
        case McpSchema.JSONRPCNotification n -> {
          o.session.accept(n).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
          return new Json(202, "", null);
        }
        case McpSchema.JSONRPCResponse r -> {
          o.session.accept(r).contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
          return new Json(202, "", null);
        }
        default -> {
          return error(400, McpSchema.ErrorCodes.INVALID_REQUEST, "unknown JSON-RPC message");
        }
      }
    } finally {
      o.busy.decrementAndGet();
      o.lastUsed.set(nanos.getAsLong());
    }
  }

  /** Where a request's SSE answer goes. */
  interface Replies {
    SseReply stream();
  }

  private Outcome initialize(String client, McpSchema.JSONRPCRequest request) throws Exception {
    synchronized (this) {
      if (count(client) >= maxPerClient && !closeLeastRecentlyUsed(client)) {
        return error(
            429,
            McpSchema.ErrorCodes.INVALID_REQUEST,
            "client "
                + client
                + " already has "
                + maxPerClient
                + " sessions in use (mcp.server.maxSessionsPerToken); close one with DELETE /mcp");
      }
      McpSchema.InitializeRequest init =
          json.convertValue(request.params(), new TypeRef<McpSchema.InitializeRequest>() {});
      McpStreamableServerSession.McpStreamableServerSessionInit started =
          factory.startSession(init);
      sessions.put(
          started.session().getId(), new Open(started.session(), client, nanos.getAsLong()));
      McpSchema.InitializeResult result = started.initResult().block();
      return new Json(
          200,
          json.writeValueAsString(McpSchema.JSONRPCResponse.result(request.id(), result)),
          started.session().getId());
    }
  }

  /** Closes {@code client}'s session {@code sessionId}; false when it has no such session. */
  boolean delete(String client, String sessionId) {
    Open o = sessionId == null ? null : sessions.get(sessionId);
    if (o == null || !o.client.equals(client)) {
      return false;
    }
    sessions.remove(sessionId);
    o.session.delete().block();
    return true;
  }

  /** Open sessions of {@code client}. */
  int count(String client) {
    return (int) sessions.values().stream().filter(o -> o.client.equals(client)).count();
  }

  private boolean closeLeastRecentlyUsed(String client) {
    Optional<Map.Entry<String, Open>> lru =
        sessions.entrySet().stream()
            .filter(e -> e.getValue().client.equals(client) && e.getValue().busy.get() == 0)
            .min(Comparator.comparingLong(e -> e.getValue().lastUsed.get()));
    lru.ifPresent(e -> close(e.getKey()));
    return lru.isPresent();
  }

  /** Closes every session unused for longer than the idle limit. */
  void closeIdle() {
    long now = nanos.getAsLong();
    sessions.forEach(
        (id, o) -> {
          if (o.busy.get() == 0 && now - o.lastUsed.get() > idle.toNanos()) {
            close(id);
          }
        });
  }

  private void close(String id) {
    Open o = sessions.remove(id);
    if (o != null) {
      o.session.close();
    }
  }

  /** A JSON-RPC error outside any session, so without a request id (JSON-RPC allows null). */
  private static Json error(int status, int code, String message) {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    body.put("jsonrpc", "2.0").putNull("id");
    body.putObject("error").put("code", code).put("message", message);
    return new Json(status, body.toString(), null);
  }

  @Override
  public Mono<Void> notifyClients(String method, Object params) {
    return Mono.fromRunnable(
        () ->
            sessions.values().forEach(o -> o.session.sendNotification(method, params).subscribe()));
  }

  @Override
  public Mono<Void> notifyClient(String sessionId, String method, Object params) {
    Open o = sessions.get(sessionId);
    return o == null ? Mono.empty() : o.session.sendNotification(method, params);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(() -> sessions.keySet().forEach(this::close));
  }
}
