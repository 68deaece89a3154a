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
import java.time.Duration;
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
public final class FakeOpenAi implements AutoCloseable {
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
  private volatile Dialect dialect = Dialect.OPENAI;
  private volatile long completionMillis;

  /**
   * How a streamed reply is written: each dialect is one server's habits, as their users report
   * them.
   */
  enum Dialect {
    /** Deltas with indexes, usage with {@code prompt_tokens_details.cached_tokens}. */
    OPENAI,
    /** {@code reasoning_content} deltas before the content; {@code prompt_cache_hit_tokens}. */
    DEEPSEEK,
    /**
     * Qwen on DashScope: tool-call deltas without {@code index}, the id and name repeated in every
     * delta; usage in a last chunk with empty choices.
     */
    DASHSCOPE,
    /** vLLM's tool parsers: the name first with empty arguments, then the arguments in pieces. */
    VLLM,
    /** Ollama: a tool call whole in one chunk, {@code finish_reason: stop}, no usage. */
    OLLAMA,
    /** A server without a tool parser: calls written into the text as {@code <tool_call>}. */
    TEXT_CALLS,
    /** Everything as OpenAI, but no usage at all. */
    NO_USAGE
  }

  /** Streamed replies from now on follow {@code d}. */
  FakeOpenAi speaking(Dialect d) {
    this.dialect = d;
    return this;
  }

  /** Every completion from now on takes this long from request to last byte. */
  public FakeOpenAi taking(Duration d) {
    this.completionMillis = d.toMillis();
    return this;
  }

  /** A failure whose body echoes what was sent (providers do that with a bad key). */
  FakeOpenAi thenFailsEchoingKey(int status) {
    script.add(new Fail(status, ECHO));
    return this;
  }

  private static final String ECHO = "__echo_key__";

  public FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The model calls these tools (name → JSON arguments) in one turn. */
  FakeOpenAi thenCalls(Map.Entry<String, String> call) {
    script.add(new Calls(List.of(call)));
    return this;
  }

  public FakeOpenAi thenAnswers(String text) {
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

  public List<JsonNode> requests() {
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
      if (body.path("stream").asBoolean(false) && !(reply instanceof Fail)) {
        new FakeStream(ex, dialect, completionMillis, requests.size(), prompt(body))
            .reply(reply, () -> "call_" + (++callId));
        return;
      }
      switch (reply) {
        case Fail f ->
            send(
                ex,
                f.status(),
                f.body() == ECHO
                    ? "{\"error\":{\"message\":\"Incorrect API key provided: "
                        + ex.getRequestHeaders().getFirst("Authorization").substring(7)
                        + "\"}}"
                    : f.body());
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
    int prompt = prompt(requests.get(requests.size() - 1));
    root.putObject("usage")
        .put("prompt_tokens", prompt)
        .put("completion_tokens", 50)
        .put("total_tokens", prompt + 50);
    return root.toString();
  }

  /** Prompt tokens as this server bills them: a quarter of the request's characters. */
  static int prompt(JsonNode request) {
    return request.toString().length() / 4;
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
