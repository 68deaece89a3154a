package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import lookout.agent.grammar.Command.Audit.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OperatorCommandsTest {
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("audit", new Command.Audit(Scope.ALL, null)),
        Arguments.of("@lookout audit today", new Command.Audit(Scope.TODAY, null)),
        Arguments.of("Audit Prod", new Command.Audit(Scope.NAMESPACE, "prod")),
        Arguments.of("audit slack:U0123ABC", new Command.Audit(Scope.USER, "slack:U0123ABC")),
        Arguments.of("审计 今天", new Command.Audit(Scope.TODAY, null)),
        Arguments.of("audit group:sre", new Command.Unknown("audit group:sre")),
        Arguments.of(
            "reset breaker restart staging/checkout",
            new Command.ResetBreaker("restart", "staging", "checkout")),
        Arguments.of(
            "@lookout reset circuit breaker scale prod/payment-api",
            new Command.ResetBreaker("scale", "prod", "payment-api")),
        Arguments.of(
            "重置熔断 restart staging/checkout",
            new Command.ResetBreaker("restart", "staging", "checkout")),
        Arguments.of("reset breaker", new Command.Unknown("reset breaker")),
        Arguments.of(
            "reset breaker delete prod/x", new Command.Unknown("reset breaker delete prod/x")),
        Arguments.of(
            "reset breaker restart checkout",
            new Command.Unknown("reset breaker restart checkout")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void operator_commands_are_read_exactly(String text, Command expected) {
    assertThat(new RuleCommandParser().parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("others")
  void other_requests_are_left_to_the_free_form_rules(String text) {
    assertThat(OperatorCommands.parse(text)).isEmpty();
  }

  static Stream<String> others() {
    return Stream.of(
        "restart checkout in staging", "audit logs of checkout in staging", "why is audit failing");
  }
}
