package lookout.agent.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One streamed reply of {@link FakeOpenAi}: Server-Sent Events written the way the chosen {@link
 * FakeOpenAi.Dialect} writes them, spread over the completion time (the first content after a fifth
 * of it, as models think before they write).
 */
final class FakeStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpExchange ex;
  private final FakeOpenAi.Dialect dialect;
  private final long millis;
  private final int n;
  private final int prompt;
  private OutputStream out;

  FakeStream(HttpExchange ex, FakeOpenAi.Dialect dialect, long millis, int n, int prompt) {
    this.ex = ex;
    this.dialect = dialect;
    this.millis = millis;
    this.n = n;
    this.prompt = prompt;
  }

  void reply(FakeOpenAi.Reply reply, Supplier<String> ids) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    out = ex.getResponseBody();
    List<ObjectNode> chunks = new ArrayList<>();
    String text = "";
    switch (reply) {
      case FakeOpenAi.Stall s -> {
        pause(s.millis());
        text = "late";
        chunks.add(content("late"));
      }
      case FakeOpenAi.Text t -> {
        text = t.text();
        if (dialect == FakeOpenAi.Dialect.DEEPSEEK) {
          for (String piece : pieces("Let me think about the evidence first.", 3)) {
            chunks.add(delta(JSON.createObjectNode().put("reasoning_content", piece)));
          }
        }
        for (String piece : pieces(t.text(), 8)) {
          chunks.add(content(piece));
        }
      }
      case FakeOpenAi.Calls c -> {
        if (dialect == FakeOpenAi.Dialect.TEXT_CALLS) {
          StringBuilder written = new StringBuilder();
          for (Map.Entry<String, String> call : c.calls()) {
            written
                .append("<tool_call>\n{\"name\": \"")
                .append(call.getKey())
                .append("\", \"arguments\": ")
                .append(call.getValue())
                .append("}\n</tool_call>\n");
          }
          text = written.toString();
          for (String piece : pieces(text, 5)) {
            chunks.add(content(piece));
          }
        } else {
          int index = 0;
          for (Map.Entry<String, String> call : c.calls()) {
            chunks.addAll(toolDeltas(index++, ids.get(), call.getKey(), call.getValue()));
          }
          text = c.calls().toString();
        }
      }
      case FakeOpenAi.Fail f -> throw new IllegalStateException("failures are not streamed");
    }
    String finish =
        reply instanceof FakeOpenAi.Calls && dialect != FakeOpenAi.Dialect.OLLAMA
            ? "tool_calls"
            : "stop";
    ObjectNode last = chunk();
    last.withArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", finish)
        .putObject("delta");
    chunks.add(last);
    long gap = chunks.isEmpty() ? 0 : millis * 4 / 5 / chunks.size();
    pause(millis / 5);
    for (ObjectNode c : chunks) {
      event(c.toString());
      pause(gap);
    }
    usage(text.length() / 4 + 1);
    event("[DONE]");
    out.close();
  }

  private List<ObjectNode> toolDeltas(int index, String id, String name, String args) {
    List<ObjectNode> out = new ArrayList<>();
    switch (dialect) {
      case OLLAMA -> {
        ObjectNode d = JSON.createObjectNode();
        ObjectNode tc = d.putArray("tool_calls").addObject().put("id", id).put("index", index);
        tc.put("type", "function").putObject("function").put("name", name).put("arguments", args);
        out.add(delta(d));
      }
      case DASHSCOPE -> {
        // no index; id and name again in every delta
        for (String piece : pieces(args, 3)) {
          ObjectNode d = JSON.createObjectNode();
          ObjectNode tc =
              d.putArray("tool_calls").addObject().put("id", id).put("type", "function");
          tc.putObject("function").put("name", name).put("arguments", piece);
          out.add(delta(d));
        }
      }
      case VLLM -> {
        ObjectNode first = JSON.createObjectNode();
        ObjectNode tc = first.putArray("tool_calls").addObject().put("index", index).put("id", id);
        tc.put("type", "function").putObject("function").put("name", name).put("arguments", "");
        out.add(delta(first));
        for (String piece : pieces(args, 4)) {
          ObjectNode d = JSON.createObjectNode();
          d.putArray("tool_calls")
              .addObject()
              .put("index", index)
              .putObject("function")
              .put("arguments", piece);
          out.add(delta(d));
        }
      }
      default -> {
        ObjectNode first = JSON.createObjectNode();
        ObjectNode tc = first.putArray("tool_calls").addObject().put("index", index).put("id", id);
        tc.put("type", "function").putObject("function").put("name", name).put("arguments", "");
        out.add(delta(first));
        for (String piece : pieces(args, 3)) {
          ObjectNode d = JSON.createObjectNode();
          d.putArray("tool_calls")
              .addObject()
              .put("index", index)
              .putObject("function")
              .put("arguments", piece);
          out.add(delta(d));
        }
      }
    }
    return out;
  }

  private void usage(int completion) throws IOException {
    if (dialect == FakeOpenAi.Dialect.OLLAMA || dialect == FakeOpenAi.Dialect.NO_USAGE) {
      return;
    }
    ObjectNode c = chunk();
    c.putArray("choices");
    ObjectNode u =
        c.putObject("usage")
            .put("prompt_tokens", prompt)
            .put("completion_tokens", completion)
            .put("total_tokens", prompt + completion);
    int cached = n > 1 ? prompt / 2 : 0;
    if (dialect == FakeOpenAi.Dialect.DEEPSEEK) {
      u.put("prompt_cache_hit_tokens", cached).put("prompt_cache_miss_tokens", prompt - cached);
    } else {
      u.putObject("prompt_tokens_details").put("cached_tokens", cached);
    }
    event(c.toString());
  }

  private ObjectNode content(String piece) {
    return delta(JSON.createObjectNode().put("content", piece));
  }

  private ObjectNode delta(ObjectNode delta) {
    ObjectNode c = chunk();
    ArrayNode choices = c.putArray("choices");
    choices.addObject().put("index", 0).set("delta", delta);
    return c;
  }

  private ObjectNode chunk() {
    return JSON.createObjectNode()
        .put("id", "chatcmpl-" + n)
        .put("object", "chat.completion.chunk")
        .put("created", 1)
        .put("model", "fake");
  }

  private void event(String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  static List<String> pieces(String text, int count) {
    List<String> out = new ArrayList<>();
    int size = Math.max(1, (text.length() + count - 1) / count);
    for (int i = 0; i < text.length(); i += size) {
      out.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return out;
  }

  private static void pause(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
