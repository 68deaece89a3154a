package lookout.agent.llm;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import lookout.agent.tools.ToolCall;
import lookout.agent.tools.Toolbox;

/**
 * One question's conversation with the model: call, run the requested tools, repeat — at most
 * {@code maxSteps} round trips and {@code tokenBudget} tokens. The last allowed round trip (or the
 * first after the budget is spent, or after repeated identical calls) offers no tools, so the model
 * must answer from what it has. Model failures propagate; {@link ModelAgent} falls back.
 */
final class Investigation {
  /**
   * How it ended.
   *
   * @param steps model round trips made
   * @param usage billed tokens summed over all round trips
   */
  record Result(String text, List<ToolCall> calls, int steps, Usage usage, String stop) {
    int tokens() {
      return usage.total();
    }
  }

  private static final String WRAP_UP =
      "Stop calling tools now (%s). Answer from the facts above; say what is still unknown.";

  private final ModelClient model;
  private final Toolbox toolbox;
  private final LlmOptions options;
  private final AgentMetrics metrics;
  private final Instant deadline;
  private final Consumer<String> analysis;

  /**
   * @param deadline when the whole investigation must have ended, all round trips included
   * @param analysis the prose of the round trip being read, whole so far, each time it grows
   */
  Investigation(
      ModelClient model,
      Toolbox toolbox,
      LlmOptions options,
      AgentMetrics metrics,
      Instant deadline,
      Consumer<String> analysis) {
    this.model = model;
    this.toolbox = toolbox;
    this.options = options;
    this.metrics = metrics;
    this.deadline = deadline;
    this.analysis = analysis;
  }

  /** All tools from the first round trip: a follow-up in a thread, where they pay off. */
  Result run(List<ChatMessage> start) {
    return loop(new ArrayList<>(start), 1, Usage.NONE, new ArrayList<>(), new HashSet<>());
  }

  /**
   * The common case in one cheap round trip: {@code brief} (the brief prompt, the question and the
   * diagnosis) with the one tool {@link Escalation#TOOLS}. When the model calls it — or calls a
   * tool of the full set by name, which then runs — the investigation goes on from {@code full}
   * with all tools, within the same step limit, budget and deadline.
   */
  Result run(List<ChatMessage> brief, List<ChatMessage> full) {
    boolean last = options.maxSteps() <= 1;
    ChatRequest.Builder request = ChatRequest.builder().messages(brief);
    if (!last) {
      request.toolSpecifications(List.of(Escalation.TOOLS));
    }
    ModelClient.Completion response = call(request.build());
    AiMessage ai = response.message();
    if (!ai.hasToolExecutionRequests() || last) {
      return new Result(text(ai), List.of(), 1, response.usage(), "answered");
    }
    metrics.toolCall(Escalation.NAME, "escalated");
    List<ChatMessage> messages = new ArrayList<>(full);
    List<ToolCall> calls = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<ToolExecutionRequest> named = Escalation.named(ai, toolbox);
    if (!named.isEmpty()) {
      messages.add(AiMessage.from(named));
      execute(named, messages, calls, seen);
    }
    return loop(messages, 2, response.usage(), calls, seen);
  }

  private Result loop(
      List<ChatMessage> messages, int first, Usage spent, List<ToolCall> calls, Set<String> seen) {
    Usage usage = spent;
    int repeats = 0;
    String wrapUp = wrapUp(usage, repeats);
    for (int step = first; step <= options.maxSteps(); step++) {
      boolean last = step == options.maxSteps() || wrapUp != null;
      if (last && wrapUp == null) {
        wrapUp = "step limit";
      }
      if (wrapUp != null) {
        messages.add(UserMessage.from(String.format(WRAP_UP, wrapUp)));
      }
      ChatRequest.Builder request = ChatRequest.builder().messages(messages);
      if (!last) {
        request.toolSpecifications(toolbox.specifications());
      }
      ModelClient.Completion response = call(request.build());
      usage = usage.plus(response.usage());
      AiMessage ai = response.message();
      if (!ai.hasToolExecutionRequests() || last) {
        return new Result(text(ai), calls, step, usage, wrapUp == null ? "answered" : wrapUp);
      }
      messages.add(ai);
      repeats += execute(ai.toolExecutionRequests(), messages, calls, seen);
      wrapUp = wrapUp(usage, repeats);
    }
    return new Result("", calls, options.maxSteps(), usage, "step limit");
  }

  /** Why the next round trip must be the last, or null. */
  private String wrapUp(Usage usage, int repeats) {
    if (usage.total() >= options.tokenBudget()) {
      return "token budget of " + options.tokenBudget() + " reached";
    }
    return repeats >= 2 ? "repeated calls" : null;
  }

  /** Runs the calls, their results appended to {@code messages}; returns how many were repeats. */
  private int execute(
      List<ToolExecutionRequest> requests,
      List<ChatMessage> messages,
      List<ToolCall> calls,
      Set<String> seen) {
    int repeats = 0;
    for (ToolExecutionRequest r : requests) {
      ToolCall call;
      if (!seen.add(r.name() + " " + canonical(r.arguments()))) {
        repeats++;
        call =
            new ToolCall(
                r.name(),
                r.arguments(),
                "repeated",
                "REPEATED: you already called "
                    + r.name()
                    + " with these arguments; its result is above. Use it or answer.");
      } else {
        call = toolbox.execute(r);
      }
      metrics.toolCall(call.tool(), call.outcome());
      calls.add(call);
      messages.add(ToolExecutionResultMessage.from(r, call.result()));
    }
    return repeats;
  }

  private static String text(AiMessage ai) {
    return ai.text() == null ? "" : ai.text();
  }

  private ModelClient.Completion call(ChatRequest request) {
    long t0 = System.nanoTime();
    StringBuilder prose = new StringBuilder();
    try {
      ModelClient.Completion response =
          model.complete(
              request,
              deadline,
              delta -> {
                String whole;
                synchronized (prose) {
                  whole = prose.append(delta).toString();
                }
                analysis.accept(whole);
              });
      Usage u = response.usage();
      metrics.modelCall("ok", Duration.ofNanos(System.nanoTime() - t0), u.prompt(), u.completion());
      return response;
    } catch (RuntimeException e) {
      metrics.modelCall(
          ModelFailure.timeout(e) ? "timeout" : "error",
          Duration.ofNanos(System.nanoTime() - t0),
          0,
          0);
      throw e;
    }
  }

  /** Arguments with whitespace removed, so {"a": 1} and {"a":1} count as the same call. */
  private static String canonical(String args) {
    return args == null ? "" : args.replaceAll("\\s+", "");
  }
}
