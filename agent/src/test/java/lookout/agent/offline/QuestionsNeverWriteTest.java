package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.Phrasings;
import lookout.agent.grammar.Phrasings.Expect;
import lookout.agent.grammar.Phrasings.Phrasing;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.sandbox.RecordingApiServer;
import lookout.agent.sandbox.RecordingApiServer.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety property end to end: every phrasing of {@link Phrasings} goes through the offline
 * agent against an API server that records what it is asked. A question is answered with reads only
 * and never comes back as a requested action (which is what would make the bot dry-run it and post
 * an approval card); a command that names one workload comes back as a request, and even then the
 * agent itself never writes.
 */
class QuestionsNeverWriteTest {
  static RecordingApiServer api;
  static OfflineAgent agent;

  @BeforeAll
  static void start() {
    api = RecordingApiServer.start("/lookout/agent/resolve/shop-world.yaml");
    agent = new OfflineAgent("test", api.client(), new RuleCommandParser(), Analyzers.all(), null);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @BeforeEach
  void forget() {
    api.forget();
  }

  static Stream<Phrasing> phrasings() {
    return Phrasings.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phrasings")
  void questions_only_read_and_commands_only_request(Phrasing p) {
    Answer answer = agent.ask(new Question(p.text(), "console:alice"));

    List<Request> writes = api.requests().stream().filter(Request::writes).toList();
    assertThat(writes).as("requests that write or dry-run").isEmpty();
    if (p.expect() == Expect.QUESTION) {
      assertThat(api.requests()).as("the cluster was read for: " + answer.summary()).isNotEmpty();
      assertThat(answer.requested()).as(answer.summary()).isEmpty();
    } else if (p.resolvable()) {
      assertThat(answer.requested()).as(answer.summary()).isPresent();
      assertThat(answer.requested().get().kind())
          .isEqualTo(p.expect() == Expect.RESTART ? "restart" : "scale");
    } else {
      assertThat(answer.requested()).as(answer.summary()).isEmpty();
    }
  }
}
