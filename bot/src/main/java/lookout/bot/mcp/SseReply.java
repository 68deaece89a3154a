package lookout.bot.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import reactor.core.publisher.Mono;

/**
 * The answer to one JSON-RPC request as a Server-Sent Events stream (Streamable HTTP): each message
 * the SDK's session sends is one {@code message} event; the session closes it after the response.
 */
final class SseReply implements McpStreamableServerTransport {
  private final HttpServerResponse response;
  private final McpJsonMapper json;
  private boolean started; // guarded by this
  private boolean closed; // guarded by this

  SseReply(HttpServerResponse response, McpJsonMapper json) {
    this.response = response;
    this.json = json;
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
    return sendMessage(message, null);
  }

  @Override
  public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message, String messageId) {
    return Mono.fromRunnable(() -> write(message, messageId));
  }

  private synchronized void write(McpSchema.JSONRPCMessage message, String messageId) {
    if (closed) {
      return;
    }
    String data;
    try {
      data = json.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException("while writing an MCP message", e);
    }
    if (!started) {
      started = true;
      response
          .setChunked(true)
          .putHeader("content-type", "text/event-stream")
          .putHeader("cache-control", "no-cache");
    }
    response.write(
        (messageId == null ? "" : "id: " + messageId + "\n")
            + "event: message\ndata: "
            + data
            + "\n\n");
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
    return json.convertValue(data, typeRef);
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(this::close);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!response.ended()) {
      if (!started) {
        response.setStatusCode(202);
      }
      response.end();
    }
  }
}
