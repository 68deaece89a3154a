package lookout.agent.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transcripts: check-ups asked in chat, other questions passed on. */
class CheckupAgentTest {
  static SandboxCluster sandbox;
  static CheckupAgent agent;
  static final Map<String, Snapshot> remembered = new HashMap<>();

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    ClusterReader reader = new ClusterReader(sandbox.client());
    Inspector inspector =
        new Inspector("sandbox", reader, Analyzers.all(), null, Clock.systemUTC());
    InspectionHistory history =
        new InspectionHistory() {
          @Override
          public Optional<Snapshot> last(String scope) {
            return Optional.ofNullable(remembered.get(scope));
          }

          @Override
          public void save(Snapshot snapshot) {
            remembered.put(snapshot.scope(), snapshot);
          }
        };
    agent =
        new CheckupAgent(
            q -> Answer.text("passed on: " + q.text()),
            Map.of("sandbox", new CheckupAgent.Checkups(reader, inspector, null)),
            "sandbox",
            history);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Answer ask(String text) {
    return agent.ask(new Question(text, "console:alice"));
  }

  @Test
  void inspect_then_inspect_again_explains_once_then_lists_as_still_open() {
    Answer first = ask("巡检 staging");
    assertThat(first.summary()).startsWith("Check-up of sandbox/staging: ").contains("finding");
    assertThat(first.sections().getFirst().heading()).startsWith("CRITICAL · pod staging/");
    // a crash from a missing setting gets no restart button (a restart cannot fix it), but the
    // release before the failing one is offered as a roll back
    assertThat(first.suggestions())
        .containsExactly(
            new lookout.approvals.RollbackWorkload(
                "sandbox", "staging", "Deployment", "checkout", 22));

    Answer second = ask("inspect staging");
    assertThat(second.summary()).contains("0 new", "still open", "0 resolved");
    assertThat(second.sections().getFirst().heading()).startsWith("Still open");
    assertThat(second.suggestions()).as("buttons stay the same").isEqualTo(first.suggestions());
  }

  @Test
  void the_cluster_name_inspects_every_namespace() {
    assertThat(ask("inspect sandbox").summary()).startsWith("Check-up of sandbox: ");
  }

  @Test
  void an_unknown_scope_lists_what_exists() {
    assertThat(ask("inspect nowhere").summary())
        .contains("no cluster or namespace named nowhere", "staging", "prod");
  }

  @Test
  void resource_questions_without_metrics_say_what_is_missing() {
    assertThat(ask("哪些服务资源浪费最多").summary()).contains("needs metrics", "Prometheus");
  }

  @Test
  void other_questions_go_to_the_wrapped_agent() {
    assertThat(ask("why is checkout failing?").summary())
        .isEqualTo("passed on: why is checkout failing?");
  }
}
