package lookout.adapters.feishu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lark.oapi.google.protobuf.ByteString;
import com.lark.oapi.ws.pb.Pbbp2;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feishu's long-connection side on loopback, enough for the official SDK client: {@code POST
 * /callback/ws/endpoint} hands out a WebSocket URL, and the socket carries protobuf frames ({@code
 * Pbbp2.Frame}, the SDK's own classes). {@link #push} sends an event or card callback as a data
 * frame and {@link #reply} waits for the client's answer frame.
 */
public final class FakeFeishuSocket implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DATA = 1;
  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final CompletableFuture<ServerWebSocket> socket = new CompletableFuture<>();
  private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
  private volatile String askedBy;

  public FakeFeishuSocket() {
    server =
        vertx
            .createHttpServer()
            .webSocketHandler(this::connected)
            .requestHandler(
                req ->
                    req.body()
                        .onSuccess(
                            body -> {
                              askedBy = body.toString();
                              req.response()
                                  .putHeader("Content-Type", "application/json")
                                  .end(endpoint());
                            }))
            .listen(0, "127.0.0.1")
            .await();
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The body the client sent to ask for an endpoint (it carries the app id). */
  public String askedBy() {
    return askedBy;
  }

  private String endpoint() {
    return "{\"code\":0,\"msg\":\"ok\",\"data\":{\"URL\":\"ws://127.0.0.1:"
        + server.actualPort()
        + "/ws?device_id=dev1&service_id=7\",\"ClientConfig\":{\"ReconnectCount\":-1,"
        + "\"ReconnectInterval\":1,\"ReconnectNonce\":0,\"PingInterval\":120}}}";
  }

  private void connected(ServerWebSocket ws) {
    ws.binaryMessageHandler(
        buffer -> {
          try {
            Pbbp2.Frame frame = Pbbp2.Frame.parseFrom(buffer.getBytes());
            if (frame.getMethod() == DATA) {
              replies.add(JSON.readTree(frame.getPayload().toByteArray()));
            }
          } catch (Exception e) {
            replies.add(JSON.createObjectNode().put("unreadable", e.toString()));
          }
        });
    socket.complete(ws);
  }

  /** Sends {@code json} as a data frame of {@code type} ("event" or "card"). */
  public void push(String type, String messageId, String json) throws Exception {
    ServerWebSocket ws = socket.get(10, TimeUnit.SECONDS);
    Pbbp2.Frame frame =
        Pbbp2.Frame.newBuilder()
            .setSeqID(1)
            .setLogID(1)
            .setService(7)
            .setMethod(DATA)
            .addHeaders(header("type", type))
            .addHeaders(header("message_id", messageId))
            .addHeaders(header("sum", "1"))
            .addHeaders(header("seq", "0"))
            .addHeaders(header("trace_id", "trace-" + messageId))
            .setPayload(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build();
    ws.writeBinaryMessage(Buffer.buffer(frame.toByteArray())).await();
  }

  /**
   * The client's next answer: its status {@code code} and, for a card callback, the decoded
   * callback response.
   */
  public JsonNode reply(long seconds) throws Exception {
    JsonNode r = replies.poll(seconds, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no answer frame within " + seconds + " s");
    }
    if (r.hasNonNull("data") && r.get("data").isTextual()) {
      byte[] data = Base64.getDecoder().decode(r.get("data").asText());
      ((com.fasterxml.jackson.databind.node.ObjectNode) r).set("decoded", JSON.readTree(data));
    }
    return r;
  }

  private static Pbbp2.Header header(String key, String value) {
    return Pbbp2.Header.newBuilder().setKey(key).setValue(value).build();
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
