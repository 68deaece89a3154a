package lookout.agent.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.Agent;
import lookout.agent.Answer;
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
 * explicitly asks for is never reinterpreted. Everything else goes to the model. Any model failure
 * (error, timeout, empty answer) is answered by the fallback, marked degraded and saying the model
 * is unavailable: a thread never stays without a reply. Only the redacted question reaches the
 * model; answers are redacted on the way to chat (by the chain, or by {@link #ask} standalone).
 */
public final class ModelAgent implements Agent, Stage {
  private final ChatModel model;
  private final LlmOptions options;
  private final AgentTools tools;
  private final Stage fallback;
  private final CommandParser parser;
  private final AgentMetrics metrics;
  private final Clock clock;
  private final SystemPrompt prompt = new SystemPrompt();
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
    this.model = model;
    this.options = options;
    this.tools = tools;
    this.fallback = fallback;
    this.parser = parser;
    this.metrics = metrics;
    this.clock = clock;
    this.memory = new ThreadMemory(options.memoryTurns());
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
    if (deterministic(question.reading().command())) {
      return fallback.answer(question);
    }
    Proposals proposals = new Proposals();
    Toolbox toolbox = tools.toolbox(proposals);
    Investigation.Result result;
    try {
      result =
          new Investigation(model, toolbox, options, metrics)
              .run(messages(question, toolbox.unavailable()));
    } catch (RuntimeException e) {
      boolean timeout = ModelFailure.timeout(e);
      metrics.fallback(timeout ? "model_timeout" : "model_error");
      return degraded(question, ModelFailure.describe(e, options.apiKey()));
    }
    String text = result.text().strip();
    if (text.isEmpty()) {
      metrics.fallback("model_empty");
      return degraded(question, "it gave no answer within " + result.steps() + " steps");
    }
    // The model only ever saw redacted text, so what it says may go back to it as memory as is.
    memory.remember(question.question().thread(), question.redacted(), text);
    return ModelAnswers.of(text, result, proposals.actions(), toolbox.unavailable());
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

  private List<ChatMessage> messages(UnderstoodQuestion q, List<String> unavailable) {
    List<ChatMessage> messages = new ArrayList<>();
    String system = prompt.render(tools.cluster(), clock.instant());
    if (!unavailable.isEmpty()) {
      // so the model does not present an answer as complete when a tool server was down
      system +=
          "\n\nUnavailable now (their tools are absent):\n- " + String.join("\n- ", unavailable);
    }
    messages.add(SystemMessage.from(system));
    for (ThreadMemory.Turn turn : memory.recall(q.question().thread())) {
      messages.add(UserMessage.from(turn.question()));
      messages.add(AiMessage.from(turn.answer()));
    }
    String text = q.redacted();
    messages.add(UserMessage.from(text + "\n\n" + Language.hint(text)));
    return messages;
  }

  private Answer degraded(UnderstoodQuestion question, String why) {
    Answer offline = fallback.answer(question);
    String note =
        Language.chinese(question.redacted())
            ? "模型暂不可用（" + why + "），以下为离线分析："
            : "The model is unavailable (" + why + "); offline answer: ";
    return new Answer(
        note + offline.summary(),
        offline.sections(),
        offline.suggestions(),
        offline.requested(),
        true,
        offline.charts(),
        offline.choices());
  }
}
