package lookout.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Question;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.CommandParser;
import lookout.agent.redact.RedactingAgent;
import lookout.agent.redact.Redactor;
import lookout.agent.tools.AgentTools;
import lookout.agent.tools.Proposals;
import lookout.agent.tools.Toolbox;

/**
 * Answers with a model calling tools. Explicit commands — restart, scale, audit, reset breaker,
 * help, runbook/incident search — go to the deterministic fallback agent, so what a person
 * explicitly asks for is never reinterpreted. Everything else is answered evidence first: the
 * fallback's diagnosis is shown at once, then the model's analysis streams into the same answer.
 * Any model failure (error, timeout, empty answer) leaves the evidence with a note, marked
 * degraded: a thread never stays without a reply. Only the redacted question reaches the model;
 * answers are redacted on the way to chat (by the chain, or by {@link #ask} standalone).
 */
public final class ModelAgent implements Agent, Stage {
  /** Characters of diagnosis sent with the question (about 800 tokens at most). */
  static final int MAX_FACTS = 3_000;

  /** The time to the minute: log lines carry absolute times, the diagnosis relative ones. */
  private static final DateTimeFormatter NOW =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final LlmOptions options;
  private final AgentTools tools;
  private final Stage fallback;
  private final CommandParser parser;
  private final AgentMetrics metrics;
  private final Clock clock;
  private final ModelClient client;
  private final String system;
  private final String brief;
  private final ThreadMemory memory;

  /**
   * @param fallback the stage that answers commands and model failures from the same understood
   *     question (the offline agent)
   * @param parser reads questions asked through {@link #ask} directly
   */
  public ModelAgent(
      ChatModel model,
      LlmOptions options,
      AgentTools tools,
      Stage fallback,
      CommandParser parser,
      AgentMetrics metrics,
      Clock clock) {
    this.options = options;
    this.tools = tools;
    this.fallback = fallback;
    this.parser = parser;
    this.metrics = metrics;
    this.clock = clock;
    this.memory = new ThreadMemory(options.memoryTurns());
    this.client = ModelClient.of(model);
    this.system = new SystemPrompt(SystemPrompt.FULL).render(tools.cluster());
    this.brief = new SystemPrompt(SystemPrompt.BRIEF).render(tools.cluster());
  }

  /** Reads and redacts the question itself, and redacts the answer: for use outside a chain. */
  @Override
  public Answer ask(Question question) {
    return RedactingAgent.redact(
        answer(
            new UnderstoodQuestion(
                question, Redactor.redact(question.text()), parser.read(question.text()))));
  }

  @Override
  public Answer answer(UnderstoodQuestion question) {
    return answer(question, Progress.NONE);
  }

  /**
   * The diagnosis first (deterministic, within seconds), shown as "analysis in progress…"; then one
   * model call with that evidence in the question, its prose streamed into the same answer; tools
   * only when the evidence lacks something. The whole investigation ends by {@code llm.timeout};
   * any model failure leaves the evidence with a note.
   */
  @Override
  public Answer answer(UnderstoodQuestion question, Progress progress) {
    if (deterministic(question.reading().command())) {
      return fallback.answer(question);
    }
    long t0 = System.nanoTime();
    boolean chinese = Language.chinese(question.redacted());
    Answer evidence = fallback.answer(question);
    progress.interim(EvidenceFirst.inProgress(evidence, "", chinese));
    metrics.firstReply(Duration.ofNanos(System.nanoTime() - t0));
    // the model's time starts once the evidence is shown: a slow cluster read must not leave the
    // model no time at all, and the person already has an answer while it works
    Instant deadline = Instant.now().plus(options.timeout());
    Proposals proposals = new Proposals();
    Toolbox toolbox = tools.toolbox(proposals);
    Investigation investigation =
        new Investigation(
            client,
            toolbox,
            options,
            metrics,
            deadline,
            partial -> progress.interim(EvidenceFirst.inProgress(evidence, partial, chinese)));
    List<ThreadMemory.Turn> turns = memory.recall(question.question().thread());
    String user = user(question, evidence, toolbox.unavailable());
    Investigation.Result result;
    try {
      // a new question starts brief (the diagnosis usually answers it); a follow-up in a thread
      // gets all tools at once, as "and in prod?" or "show me its logs" usually needs them
      result =
          turns.isEmpty()
              ? investigation.run(
                  List.of(SystemMessage.from(brief), UserMessage.from(user)), messages(turns, user))
              : investigation.run(messages(turns, user));
    } catch (RuntimeException e) {
      boolean timeout = ModelFailure.timeout(e);
      metrics.fallback(timeout ? "model_timeout" : "model_error");
      return EvidenceFirst.failed(evidence, ModelFailure.describe(e, options.apiKey()), chinese);
    }
    String text = result.text().strip();
    if (text.isEmpty()) {
      metrics.fallback("model_empty");
      return EvidenceFirst.failed(
          evidence, "it gave no answer within " + result.steps() + " steps", chinese);
    }
    metrics.analysis(Duration.ofNanos(System.nanoTime() - t0), result.steps(), result.usage());
    // The model only ever saw redacted text, so what it says may go back to it as memory as is.
    memory.remember(question.question().thread(), question.redacted(), text);
    return EvidenceFirst.complete(
        evidence, text, result, proposals.actions(), toolbox.unavailable());
  }

  /** Explicit commands are answered as written, never reinterpreted by the model. */
  private static boolean deterministic(Command command) {
    return switch (command) {
      case Command.Restart r -> true;
      case Command.Scale s -> true;
      case Command.Repair r -> true;
      case Command.Audit a -> true;
      case Command.ResetBreaker b -> true;
      case Command.Help h -> true;
      case Command.Runbooks r -> true;
      case Command.Incidents i -> true;
      default -> false;
    };
  }

  /**
   * The full system prompt (the same bytes for every question), the thread's turns, the question.
   */
  private List<ChatMessage> messages(List<ThreadMemory.Turn> turns, String user) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(system));
    for (ThreadMemory.Turn turn : turns) {
      messages.add(UserMessage.from(turn.question()));
      messages.add(AiMessage.from(turn.answer()));
    }
    messages.add(UserMessage.from(user));
    return messages;
  }

  /**
   * The question with the diagnosis, the time and any tool outage: all that changes per question.
   */
  private String user(UnderstoodQuestion q, Answer evidence, List<String> unavailable) {
    String text = q.redacted();
    StringBuilder user = new StringBuilder(text);
    user.append("\n\nDiagnosis:\n")
        .append(Bundle.of(evidence, MAX_FACTS))
        .append("\nNow: ")
        .append(NOW.format(clock.instant()));
    if (!unavailable.isEmpty()) {
      // so the model does not present an answer as complete when a tool server was down
      user.append("\nUnavailable now (their tools are absent): ")
          .append(String.join("; ", unavailable));
    }
    String hint = Language.hint(text);
    if (!hint.isEmpty()) {
      user.append("\n").append(hint);
    }
    return user.toString();
  }
}
