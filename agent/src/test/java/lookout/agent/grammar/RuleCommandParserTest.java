package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import java.util.stream.Stream;
import lookout.agent.grammar.Command.Diagnose;
import lookout.agent.grammar.Command.Help;
import lookout.agent.grammar.Command.Logs;
import lookout.agent.grammar.Command.Restart;
import lookout.agent.grammar.Command.Scale;
import lookout.agent.grammar.Command.Status;
import lookout.agent.grammar.Command.Unknown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleCommandParserTest {
  private final RuleCommandParser parser = new RuleCommandParser();

  /** Marks a row whose expected result is {@code Unknown} of the input itself. */
  private static final Command UNKNOWN = new Unknown("<the input>");

  static Stream<Arguments> requests() {
    return Stream.of(
        // status, English
        row("status of checkout in staging", new Status("staging", "checkout")),
        row("how is checkout doing", new Status(null, "checkout")),
        row("status staging", new Status("staging", null)),
        row("what's wrong in prod", new Status("prod", null)),
        row("@lookout status", new Status(null, null)),
        row("how are things in prod?", new Status("prod", null)),
        row("status of prod", new Status("prod", null)),
        row("is checkout healthy in staging", new Status("staging", "checkout")),
        row("list pods -n kube-system", new Status("kube-system", null)),
        // status, Chinese
        row("checkout 状态", new Status(null, "checkout")),
        row("看看 staging 的 checkout", new Status("staging", "checkout")),
        row("看看staging的checkout", new Status("staging", "checkout")),
        row("prod 怎么样", new Status("prod", null)),
        row("checkout 在 staging 的情况", new Status("staging", "checkout")),
        // diagnose
        row("why is checkout failing in staging?", new Diagnose("staging", "checkout")),
        row("why is payment-api crashing", new Diagnose(null, "payment-api")),
        row("diagnose checkout -n staging", new Diagnose("staging", "checkout")),
        row("what's wrong with checkout", new Diagnose(null, "checkout")),
        row("What’s wrong with checkout", new Diagnose(null, "checkout")),
        row("checkout 为什么重启", new Diagnose(null, "checkout")),
        row("看看 prod 的 order-service 为什么重启", new Diagnose("prod", "order-service")),
        row("staging 的 checkout 为什么挂了", new Diagnose("staging", "checkout")),
        row("@Lookout WHY is Checkout failing IN Staging？", new Diagnose("staging", "checkout")),
        row(
            "why does checkout keep restarting in the staging namespace",
            new Diagnose("staging", "checkout")),
        row("what's wrong with staging", new Status("staging", null)),
        row("checkout is crashing", new Diagnose(null, "checkout")),
        row("checkout down?", new Diagnose(null, "checkout")),
        row("why is deploy/checkout failing -n=staging", new Diagnose("staging", "checkout")),
        // logs
        row("logs of checkout in staging", new Logs("staging", "checkout")),
        row("show logs checkout", new Logs(null, "checkout")),
        row("checkout 的日志", new Logs(null, "checkout")),
        row("看下 staging checkout 日志", new Logs("staging", "checkout")),
        row(
            "logs for pod checkout-7d9f-x2 --namespace=staging",
            new Logs("staging", "checkout-7d9f-x2")),
        // restart
        row("restart checkout in staging", new Restart("staging", "checkout")),
        row("restart deployment checkout -n staging", new Restart("staging", "checkout")),
        row("重启 staging 的 checkout", new Restart("staging", "checkout")),
        row("把 checkout 重启一下", new Restart(null, "checkout")),
        row("@lookout restart deploy/checkout -n prod.", new Restart("prod", "checkout")),
        row("restart staging/checkout", new Restart("staging", "checkout")),
        row("RESTART Checkout，谢谢", new Restart(null, "checkout")),
        // scale
        row("scale checkout to 3 in staging", new Scale("staging", "checkout", 3)),
        row("scale deploy/checkout --replicas=5 -n prod", new Scale("prod", "checkout", 5)),
        row("把 prod 的 checkout 扩容到 5 个", new Scale("prod", "checkout", 5)),
        row("checkout 缩容到 2", new Scale(null, "checkout", 2)),
        row("scale statefulset/redis --replicas 0 --namespace data", new Scale("data", "redis", 0)),
        row("把 checkout 扩到三个副本", new Scale(null, "checkout", 3)),
        row("scale checkout to 1000", new Scale(null, "checkout", 1000)),
        row("scale checkout to zero", new Scale(null, "checkout", 0)),
        row("scale down checkout to 1 in prod", new Scale("prod", "checkout", 1)),
        row("把 staging 的 checkout 副本数改成 4", new Scale("staging", "checkout", 4)),
        row("scale checkout-2 to 3 replicas", new Scale(null, "checkout-2", 3)),
        // help
        row("help", new Help()),
        row("HELP!", new Help()),
        row("帮助", new Help()),
        row("你能做什么", new Help()),
        row("你能做什么？", new Help()),
        row("?", new Help()),
        row("？", new Help()),
        row("@lookout", new Help()),
        // not understood, or not safe to guess
        row("restart", UNKNOWN),
        row("@lookout restart", new Unknown("restart")),
        row("restart staging", UNKNOWN),
        row("scale checkout to -1", UNKNOWN),
        row("scale checkout to 1001", UNKNOWN),
        row("scale checkout", UNKNOWN),
        row("扩到 3 个副本", UNKNOWN),
        row("scale checkout to 3.5", UNKNOWN),
        row("scale checkout to 3 or 4", UNKNOWN),
        row("scale checkout up by 2", UNKNOWN),
        row("checkout 扩容 2 个", UNKNOWN),
        row("给 checkout 加 2 个副本", UNKNOWN),
        row("scale checkout to 99999999999999999999", UNKNOWN),
        row("checkout 缩容到负一", UNKNOWN),
        row("restart checkout and payment", UNKNOWN),
        row("restart checkout in Staging_Env", UNKNOWN),
        row("restart checkout in 5 minutes", UNKNOWN),
        row("订单服务 OOMKilled", UNKNOWN),
        row(
            "have we seen OOMKilled on checkout before?",
            new Command.Incidents("OOMKilled on checkout")),
        row("hello there", UNKNOWN),
        row("logs", UNKNOWN),
        row("why", UNKNOWN));
  }

  private static Arguments row(String input, Command expected) {
    return Arguments.of(input, expected == UNKNOWN ? new Unknown(input) : expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("requests")
  void parses_requests_in_english_and_chinese(String input, Command expected) {
    assertThat(parser.parse(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", " ", "\t\n", "\u0000\u0001\u0007", "🚀🔥💥", "@@@@", "----", "--replicas=", "-n",
            "-n -n -n", "in in in",
        "的的的", "在", "到到到 5", "/", "deploy/", "/checkout", "a/b/c/d", "scale to", "restart -n",
            "\uD800", "\uDC00x",
        "scale checkout --replicas", "scale x to 2147483648", "重启 的", "把 的 扩容到", "ǅ İ ﬁ ß"
      })
  void odd_inputs_never_throw(String input) {
    assertThatCode(() -> RuleCommandParser.parseChecked(input)).doesNotThrowAnyException();
    assertThat(parser.parse(input)).isNotNull();
  }

  @Test
  void null_and_huge_inputs_are_unknown() {
    assertThat(parser.parse(null)).isEqualTo(new Unknown(""));
    assertThatCode(() -> RuleCommandParser.parseChecked("x".repeat(RuleCommandParser.MAX_LENGTH)))
        .doesNotThrowAnyException();
    String huge = "restart checkout ".repeat(700); // ~12 KB
    assertThat(parser.parse(huge))
        .isInstanceOfSatisfying(
            Unknown.class,
            u ->
                assertThat(u.text().length())
                    .isLessThanOrEqualTo(RuleCommandParser.MAX_LENGTH + 1));
  }

  @Test
  void random_garbage_never_throws() {
    // given a fixed seed so a failure can be replayed
    Random random = new Random(20260101);
    String alphabet =
        "abcz09 -_/=.?？，。@的在到个重启扩容日志为什么状态\u0000\n\t🚀\uD83D" + "scale restart logs in to -n";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(60);
      for (int j = 0; j < length; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = sb.toString();
      // when / then: the rules themselves hold up, not just the safety net
      assertThatCode(() -> RuleCommandParser.parseChecked(input))
          .as(input)
          .doesNotThrowAnyException();
    }
  }

  @Test
  void scale_never_yields_a_negative_or_absurd_count() {
    for (String n : new String[] {"-1", "-0", "+5", "1001", "1e3", "3x", "0.5", "１００１"}) {
      assertThat(parser.parse("scale checkout to " + n)).as(n).isNotInstanceOf(Scale.class);
    }
  }
}
