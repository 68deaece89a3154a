package lookout.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A scripted OpenAI-compatible server on loopback: a real HTTP peer for langchain4j's client. Each
 * {@code POST /v1/chat/completions} takes the next scripted reply (tool calls, a final answer, an
 * HTTP error or a stall) and records the request body for assertions.
 */
final class FakeOpenAi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  sealed interface Reply {}

  record Calls(List<Map.Entry<String, String>> calls) implements Reply {}

  record Text(String text) implements Reply {}

  record Fail(int status, String body) implements Reply {}

  record Stall(long millis) implements Reply {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<JsonNode> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations =
      java.util.Collections.synchronizedList(new ArrayList<>());
  private int callId;

  FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The model calls these tools (name → JSON arguments) in one turn. */
  FakeOpenAi thenCalls(Map.Entry<String, String> call) {
    script.add(new Calls(List.of(call)));
    return this;
  }

  FakeOpenAi thenAnswers(String text) {
    script.add(new Text(text));
    return this;
  }

  FakeOpenAi thenFails(int status) {
    script.add(
        new Fail(
            status, "{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\"}}"));
    return this;
  }

  FakeOpenAi thenStalls(long millis) {
    script.add(new Stall(millis));
    return this;
  }

  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** Everything sent to the model, as one string: for "never reached the model" assertions. */
  String everythingSent() {
    return requests().toString();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      requests.add(body);
      authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
      Reply reply = script.poll();
      if (reply == null) {
        reply = new Fail(500, "{\"error\":{\"message\":\"script exhausted\"}}");
      }
      switch (reply) {
        case Fail f -> send(ex, f.status(), f.body());
        case Stall s -> {
          try {
            Thread.sleep(s.millis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(
              ex,
              200,
              completion(
                  JSON.createObjectNode().put("role", "assistant").put("content", "late"), "stop"));
        }
        case Text t ->
            send(
                ex,
                200,
                completion(
                    JSON.createObjectNode().put("role", "assistant").put("content", t.text()),
                    "stop"));
        case Calls c -> {
          ObjectNode message = JSON.createObjectNode().put("role", "assistant");
          message.putNull("content");
          ArrayNode calls = message.putArray("tool_calls");
          for (Map.Entry<String, String> call : c.calls()) {
            ObjectNode tc =
                calls.addObject().put("id", "call_" + (++callId)).put("type", "function");
            tc.putObject("function").put("name", call.getKey()).put("arguments", call.getValue());
          }
          send(ex, 200, completion(message, "tool_calls"));
        }
      }
    }
  }

  private String completion(ObjectNode message, String finish) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-" + requests.size())
        .put("object", "chat.completion")
        .put("created", 1)
        .put("model", "fake");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0).set("message", message);
    choice.put("finish_reason", finish);
    int prompt = requests.get(requests.size() - 1).toString().length() / 4;
    root.putObject("usage")
        .put("prompt_tokens", prompt)
        .put("completion_tokens", 50)
        .put("total_tokens", prompt + 50);
    return root.toString();
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
