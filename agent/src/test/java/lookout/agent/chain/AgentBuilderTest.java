package lookout.agent.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.CommandParser;
import lookout.agent.grammar.Reading;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.InspectionHistory;
import lookout.agent.inspect.Inspector;
import lookout.agent.inspect.ReportWriter;
import lookout.agent.llm.AgentMetrics;
import lookout.agent.llm.LlmOptions;
import lookout.agent.llm.Models;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.AgentTools;
import lookout.approvals.RestartDeployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one agent chain: check-ups, the model, the offline agent; each question read once. */
class AgentBuilderTest {
  static SandboxCluster sandbox;

  /** The rules, counting how often a question is read or parsed. */
  static final class CountingParser implements CommandParser {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger parses = new AtomicInteger();
    private final RuleCommandParser rules = new RuleCommandParser();

    @Override
    public Command parse(String text) {
      parses.incrementAndGet();
      return rules.parse(text);
    }

    @Override
    public Reading read(String text) {
      reads.incrementAndGet();
      return rules.read(text);
    }
  }

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /** Offline, behind a model nobody answers for (port 1), behind check-ups. */
  static Agent chain(CountingParser parser) {
    LlmOptions down =
        LlmOptions.defaults("http://127.0.0.1:1/v1", "sk-test", "gpt-test")
            .withTimeout(Duration.ofSeconds(2));
    ClusterReader reader = new ClusterReader(sandbox.client());
    Inspector inspector =
        new Inspector("sandbox", reader, Analyzers.all(), null, Clock.systemUTC());
    return AgentBuilder.over(Map.of("sandbox", sandbox.client()), "sandbox")
        .parser(parser)
        .model(
            Models.openAiCompatible(down),
            down,
            new AgentTools(
                "sandbox",
                sandbox.client(),
                Analyzers.all(),
                null,
                new SandboxMetrics(sandbox.client()),
                Clock.systemUTC()),
            AgentMetrics.NONE)
        .checkups(
            Map.of("sandbox", new CheckupAgent.Checkups(reader, inspector, null)),
            InspectionHistory.NONE,
            ReportWriter.NONE)
        .build();
  }

  @Test
  void a_question_is_read_once_through_checkups_model_and_offline_fallback() {
    CountingParser parser = new CountingParser();
    Answer answer =
        chain(parser).ask(new Question("why is checkout failing in staging?", "console:a"));

    assertThat(answer.summary()).contains("CrashLoopBackOff");
    assertThat(answer.degraded()).as("the model was down").isTrue();
    assertThat(answer.sections())
        .anySatisfy(
            s -> assertThat(s.lines()).anyMatch(l -> l.contains("analysis is unavailable")));
    assertThat(parser.reads).hasValue(1);
    assertThat(parser.parses).hasValue(0);
  }

  @Test
  void an_explicit_command_goes_to_the_offline_agent_read_once() {
    CountingParser parser = new CountingParser();
    Answer answer = chain(parser).ask(new Question("restart checkout in staging", "console:a"));

    assertThat(answer.requested())
        .contains(new RestartDeployment("sandbox", "staging", "checkout"));
    assertThat(answer.summary()).doesNotContain("model");
    assertThat(parser.reads).hasValue(1);
  }

  @Test
  void a_checkup_is_answered_first_read_once() {
    CountingParser parser = new CountingParser();
    Answer answer = chain(parser).ask(new Question("inspect staging", "console:a"));

    assertThat(answer.summary()).containsIgnoringCase("staging");
    assertThat(parser.reads).hasValue(1);
  }

  @Test
  void the_question_is_redacted_once_on_the_way_down_and_the_answer_once_on_the_way_out() {
    String secret = "Zx" + java.util.UUID.randomUUID().toString().replace("-", "");
    List<UnderstoodQuestion> seen = new java.util.ArrayList<>();
    Agent chain =
        new AgentChain(
            new RuleCommandParser(),
            q -> {
              seen.add(q);
              return Answer.text("the pod logged password=" + secret);
            });

    Answer answer =
        chain.ask(new Question("why does it say password=" + secret + "?", "console:a"));

    assertThat(seen)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.redacted()).doesNotContain(secret).contains("[REDACTED]");
              assertThat(q.question().text())
                  .contains(secret); // names are read from what was written
            });
    assertThat(answer.summary()).doesNotContain(secret).contains("password=[REDACTED]");
  }

  @Test
  void a_default_cluster_that_is_not_configured_is_refused() {
    assertThatThrownBy(
            () -> AgentBuilder.over(Map.of("sandbox", sandbox.client()), "prod-eu").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default cluster 'prod-eu'");
  }
}
