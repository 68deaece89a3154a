package lookout.agent.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Lookout's own client for OpenAI-compatible {@code /chat/completions} with {@code stream: true}
 * (Server-Sent Events), instead of langchain4j's: it streams the answer's prose to the person while
 * holding back tool calls written into text and reasoning ({@link StreamAssembler}), reads
 * cached-token counts in both spellings, keeps one deadline for the whole call (connect, wait and
 * every byte of the stream), retries at most once and only on 429/5xx when the retry fits before
 * the deadline (never on a timeout), and logs nothing: a failure is an exception whose message has
 * the API key and secrets removed ({@link ModelFailure}).
 */
public final class OpenAiStream implements ModelClient, ChatModel {
  private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

  /** A retry only when at least this much time is left for it. */
  static final Duration MIN_RETRY_TIME = Duration.ofSeconds(2);

  private final LlmOptions options;
  private final URI endpoint;
  private final HttpClient http;

  public OpenAiStream(LlmOptions options) {
    this.options = options;
    String base = options.baseUrl().endsWith("/") ? options.baseUrl() : options.baseUrl() + "/";
    this.endpoint = URI.create(base).resolve("chat/completions");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(options.timeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Not streamed, for callers that want the whole answer (check-up summaries). */
  @Override
  public ChatResponse doChat(ChatRequest request) {
    Completion c = complete(request, Instant.now().plus(options.timeout()), t -> {});
    return ChatResponse.builder()
        .aiMessage(c.message())
        .tokenUsage(new TokenUsage(c.usage().prompt(), c.usage().completion()))
        .build();
  }

  @Override
  public Completion complete(ChatRequest request, Instant deadline, Consumer<String> onText) {
    String body =
        ChatJson.body(request, options.model(), options.temperature(), options.maxAnswerTokens());
    for (int attempt = 1; ; attempt++) {
      try {
        return once(request, body, deadline, onText);
      } catch (Refused e) {
        Duration left = Duration.between(Instant.now(), deadline);
        Duration wait = e.retryAfter.compareTo(left) < 0 ? e.retryAfter : left;
        boolean retryable = e.status == 429 || e.status >= 500;
        if (!retryable || attempt > 1 || left.minus(wait).compareTo(MIN_RETRY_TIME) < 0) {
          throw new ModelException(e.getMessage());
        }
        sleep(wait);
      }
    }
  }

  private Completion once(
      ChatRequest request, String body, Instant deadline, Consumer<String> onText) {
    Duration left = Duration.between(Instant.now(), deadline);
    if (left.isNegative() || left.isZero()) {
      throw new ModelTimeout("no time left for the model");
    }
    HttpRequest post =
        HttpRequest.newBuilder(endpoint)
            .timeout(left)
            .header("Authorization", "Bearer " + options.apiKey())
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(post, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new ModelTimeout("no reply within " + left.toMillis() + " ms");
    } catch (IOException e) {
      throw new ModelException("cannot reach the model: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelTimeout("interrupted");
    }
    InputStream in = response.body();
    if (response.statusCode() / 100 != 2) {
      throw new Refused(response.statusCode(), errorText(in), retryAfter(response));
    }
    // the read runs apart so this thread returns at the deadline even if a read never wakes
    Future<Completion> reading = READERS.submit(() -> read(request, body, response, onText));
    try {
      return reading.get(
          Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // closing may wait for the reader's lock until the next bytes arrive: not on this thread
      READERS.execute(() -> close(in));
      reading.cancel(true);
      throw new ModelTimeout("the stream did not end within the time limit");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ModelException("the stream broke: " + describe(e.getCause()));
    } catch (InterruptedException e) {
      READERS.execute(() -> close(in));
      reading.cancel(true);
      Thread.currentThread().interrupt();
      throw new ModelTimeout("interrupted");
    }
  }

  private Completion read(
      ChatRequest request, String body, HttpResponse<InputStream> response, Consumer<String> onText)
      throws IOException {
    StreamAssembler assembler = new StreamAssembler(onText);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      boolean sse =
          response.headers().firstValue("Content-Type").orElse("").contains("event-stream");
      if (!sse) {
        // a server that ignored stream:true answered with one JSON completion
        assembler.chunk(ChatJson.JSON.readTree(reader));
      } else {
        readEvents(reader, assembler);
      }
    }
    Set<String> offered = new HashSet<>();
    if (request.toolSpecifications() != null) {
      request.toolSpecifications().stream().map(ToolSpecification::name).forEach(offered::add);
    }
    return new Completion(assembler.message(offered), assembler.usage(body.length()));
  }

  private static void readEvents(BufferedReader reader, StreamAssembler assembler)
      throws IOException {
    StringBuilder data = new StringBuilder();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
        continue;
      }
      if (!line.isEmpty() || data.isEmpty()) {
        continue; // comments (": keep-alive"), event:/id: fields
      }
      String payload = data.toString();
      data.setLength(0);
      if (payload.equals("[DONE]")) {
        return;
      }
      JsonNode chunk = ChatJson.JSON.readTree(payload);
      if (chunk.has("error")) {
        throw new IOException("error event: " + chunk.get("error"));
      }
      assembler.chunk(chunk);
    }
    if (!data.isEmpty() && !data.toString().equals("[DONE]")) {
      assembler.chunk(ChatJson.JSON.readTree(data.toString()));
    }
  }

  private String errorText(InputStream in) {
    try (in) {
      byte[] bytes = in.readNBytes(2_000);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private String describe(Throwable e) {
    return ModelFailure.clean(String.valueOf(e.getMessage()), options.apiKey());
  }

  private static Duration retryAfter(HttpResponse<?> r) {
    try {
      return r.headers()
          .firstValue("Retry-After")
          .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
          .orElse(Duration.ofMillis(500));
    } catch (NumberFormatException e) {
      return Duration.ofMillis(500);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // closing is how the deadline stops a read; nothing more to do
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelTimeout("interrupted");
    }
  }

  /** The server refused with an HTTP status: maybe worth one retry. */
  private final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Duration retryAfter;

    Refused(int status, String body, Duration retryAfter) {
      super(
          "HTTP " + status + " from the model: " + ModelFailure.clean(body, options.apiKey()),
          null,
          false,
          false);
      this.status = status;
      this.retryAfter = retryAfter;
    }
  }

  /** A model failure whose message is already free of the key and secrets. */
  static class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelException(String message) {
      super(message, null, false, false);
    }
  }

  /** The deadline passed. */
  static final class ModelTimeout extends ModelException {
    private static final long serialVersionUID = 1L;

    ModelTimeout(String message) {
      super(message);
    }
  }
}
