package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import lookout.agent.grammar.Command;
import lookout.approvals.AuditEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApprovalAnswersTest {
  static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

  static AuditEntry entry(String id, String event, String actor, String result, String error) {
    return new AuditEntry(
        1,
        id,
        AT,
        actor,
        event,
        null,
        "scale",
        "sandbox",
        "prod",
        "api",
        "scale deployment prod/api to 5",
        "console:alice",
        List.of("console:bob"),
        "replicas 3 → 5",
        result,
        error);
  }

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of(
            entry("3fZ0k1aBxyz", "approved", "console:bob", null, null),
            "11-22 10:15 approved console:bob — scale deployment prod/api to 5 [req 3fZ0k1aB]"),
        Arguments.of(
            entry("3fZ0k1aBxyz", "succeeded", "system", "scaled  deployment\nprod/api", null),
            "11-22 10:15 succeeded system — scale deployment prod/api to 5: scaled deployment"
                + " prod/api [req 3fZ0k1aB]"),
        Arguments.of(
            entry("3fZ0k1aBxyz", "failed", "system", "x", "conflict, try again"),
            "11-22 10:15 failed system — scale deployment prod/api to 5: conflict, try again"
                + " [req 3fZ0k1aB]"),
        Arguments.of(
            entry("breaker:scale:sandbox/prod/api", "breaker-reset", "console:bob", null, null),
            "11-22 10:15 breaker-reset console:bob — scale deployment prod/api to 5"));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void audit_rows_read_as_one_compact_line(AuditEntry entry, String line) {
    assertThat(ApprovalAnswers.line(entry)).isEqualTo(line);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void without_approvals_the_commands_say_so(Command command) {
    ApprovalAnswers answers = new ApprovalAnswers("sandbox", null, Clock.systemUTC());

    String summary =
        command instanceof Command.Audit a
            ? answers.audit(a).summary()
            : answers.resetBreaker((Command.ResetBreaker) command, "console:bob").summary();

    assertThat(summary).contains("not available here");
  }

  static Stream<Command> commands() {
    return Stream.of(
        new Command.Audit(Command.Audit.Scope.TODAY, null),
        new Command.ResetBreaker("restart", "staging", "checkout"));
  }
}
