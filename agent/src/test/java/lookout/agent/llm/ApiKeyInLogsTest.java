package lookout.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.AgentTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A provider whose error body echoes the API key (OpenAI does, for a wrong key): the key reaches no
 * log line at any level, no exception text, and no answer — on the question path and on the
 * check-up summary, which logs its failures.
 */
class ApiKeyInLogsTest {
  static final String KEY = "sk-proj-Zq8xLw3Pm2Rt7Yb1Nc6Vd4Hf9Jk0Gs5E";

  FakeOpenAi openAi;
  ListAppender<ILoggingEvent> lines = new ListAppender<>();
  Logger root;
  Level before;
  ch.qos.logback.core.Appender<ILoggingEvent> console;

  @BeforeEach
  void capture() throws Exception {
    openAi = new FakeOpenAi();
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    before = root.getLevel();
    root.setLevel(Level.TRACE);
    // every level is read here; the console would drown in the mock server's DEBUG lines
    console = root.getAppender("STDERR");
    if (console != null) {
      root.detachAppender(console);
    }
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("lookout").setLevel(Level.TRACE);
    lines.start();
    root.addAppender(lines);
  }

  @AfterEach
  void release() {
    root.detachAppender(lines);
    root.setLevel(before);
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("lookout").setLevel(Level.INFO);
    if (console != null) {
      root.addAppender(console);
    }
    openAi.close();
  }

  @Test
  void a_provider_error_echoing_the_key_leaves_it_in_no_log_line_and_no_answer() {
    // the question: a wrong key is not retried; the check-up summary: a 500, retried once
    openAi.thenFailsEchoingKey(401).thenFailsEchoingKey(500).thenFailsEchoingKey(500);
    LlmOptions options = LlmOptions.defaults(openAi.baseUrl(), KEY, "gpt-test");
    Answer answer;
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      AgentTools tools =
          new AgentTools(
              "sandbox", sandbox.client(), Analyzers.all(), null, null, Clock.systemUTC());
      OfflineAgent offline =
          OfflineAgent.create(
              Map.of("sandbox", sandbox.client()),
              "sandbox",
              new RuleCommandParser(),
              Analyzers.all(),
              null);
      ModelAgent agent =
          new ModelAgent(
              Models.openAiCompatible(options),
              options,
              tools,
              offline,
              new RuleCommandParser(),
              AgentMetrics.NONE,
              Clock.systemUTC());
      answer = agent.ask(new Question("why is checkout failing in staging?", "console:alice"));
    }
    boolean summarized =
        new ModelReportWriter(Models.openAiCompatible(options))
            .summarize("2 pods crash-loop in staging", false)
            .isPresent();

    assertThat(openAi.requests()).as("401 not retried, 500 retried once").hasSize(3);
    assertThat(summarized).isFalse();
    List<String> logged = lines.list.stream().map(ApiKeyInLogsTest::everything).toList();
    assertThat(logged)
        .as("the check-up's failure was logged")
        .anySatisfy(l -> assertThat(l).contains("HTTP 500"));
    assertThat(logged).allSatisfy(l -> assertThat(l).doesNotContain(KEY.substring(0, 12)));
    assertThat(answer.toString()).contains("HTTP 401").doesNotContain(KEY.substring(0, 12));
  }

  /** The line as written, with every exception's message and stack in it. */
  private static String everything(ILoggingEvent e) {
    StringBuilder sb = new StringBuilder(e.getFormattedMessage());
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      sb.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
      for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
        sb.append('\n').append(s.getSTEAsString());
      }
    }
    return sb.toString();
  }
}
