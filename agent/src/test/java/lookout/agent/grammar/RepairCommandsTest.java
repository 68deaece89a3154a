package lookout.agent.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import lookout.agent.grammar.Command.Repair;
import lookout.agent.grammar.Command.Repair.Verb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The repairs beyond restart and scale, in English and Chinese, in the imperative. */
class RepairCommandsTest {
  private final RuleCommandParser parser = new RuleCommandParser();

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(
            "roll back checkout in staging", new Repair(Verb.ROLLBACK, "staging", "checkout", 0)),
        Arguments.of(
            "please rollback deployment checkout -n staging",
            new Repair(Verb.ROLLBACK, "staging", "checkout", 0)),
        Arguments.of(
            "kubectl rollout undo deploy/checkout -n staging",
            new Repair(Verb.ROLLBACK, "staging", "checkout", 0)),
        Arguments.of(
            "roll back checkout in staging to revision 21",
            new Repair(Verb.ROLLBACK, "staging", "checkout", 21)),
        Arguments.of("回滚 staging 的 checkout", new Repair(Verb.ROLLBACK, "staging", "checkout", 0)),
        Arguments.of("帮我回滚一下 checkout", new Repair(Verb.ROLLBACK, null, "checkout", 0)),
        Arguments.of(
            "把 staging 的 checkout 回滚到版本 21", new Repair(Verb.ROLLBACK, "staging", "checkout", 21)),
        Arguments.of(
            "delete pod checkout-7d9f-x2 in staging",
            new Repair(Verb.DELETE_POD, "staging", "checkout-7d9f-x2", 0)),
        Arguments.of(
            "kill pod checkout-7d9f-x2", new Repair(Verb.DELETE_POD, null, "checkout-7d9f-x2", 0)),
        Arguments.of(
            "删除 pod checkout-7d9f-x2", new Repair(Verb.DELETE_POD, null, "checkout-7d9f-x2", 0)),
        Arguments.of(
            "删掉 staging 的 pod checkout-7d9f-x2",
            new Repair(Verb.DELETE_POD, "staging", "checkout-7d9f-x2", 0)),
        Arguments.of("cordon node-4", new Repair(Verb.CORDON, null, "node-4", 0)),
        Arguments.of("please cordon the node node-4", new Repair(Verb.CORDON, null, "node-4", 0)),
        Arguments.of("隔离节点 node-4", new Repair(Verb.CORDON, null, "node-4", 0)),
        Arguments.of("把 node-4 隔离一下", new Repair(Verb.CORDON, null, "node-4", 0)),
        Arguments.of("uncordon node-4", new Repair(Verb.UNCORDON, null, "node-4", 0)),
        Arguments.of("取消隔离 node-4", new Repair(Verb.UNCORDON, null, "node-4", 0)),
        Arguments.of("drain node-4", new Repair(Verb.DRAIN, null, "node-4", 0)),
        Arguments.of("排空节点 node-4", new Repair(Verb.DRAIN, null, "node-4", 0)),
        Arguments.of("驱逐节点 node-4 上的 pod", new Repair(Verb.DRAIN, null, "node-4", 0)),
        Arguments.of(
            "suspend cronjob backup in prod", new Repair(Verb.SUSPEND, "prod", "backup", 0)),
        Arguments.of("暂停定时任务 backup", new Repair(Verb.SUSPEND, null, "backup", 0)),
        Arguments.of("resume cronjob backup in prod", new Repair(Verb.RESUME, "prod", "backup", 0)),
        Arguments.of("恢复定时任务 backup", new Repair(Verb.RESUME, null, "backup", 0)),
        Arguments.of(
            "rerun job backup-28912 in prod", new Repair(Verb.RERUN, "prod", "backup-28912", 0)),
        Arguments.of(
            "retry the failed job backup-28912", new Repair(Verb.RERUN, null, "backup-28912", 0)),
        Arguments.of("重跑 backup-28912", new Repair(Verb.RERUN, null, "backup-28912", 0)),
        Arguments.of("重跑一下 prod 的 backup", new Repair(Verb.RERUN, "prod", "backup", 0)),
        Arguments.of(
            "clean up evicted pods in staging",
            new Repair(Verb.CLEANUP_EVICTED, "staging", null, 0)),
        Arguments.of(
            "delete the failed pods in staging",
            new Repair(Verb.CLEANUP_EVICTED, "staging", null, 0)),
        Arguments.of("清理 staging 被驱逐的 pod", new Repair(Verb.CLEANUP_EVICTED, "staging", null, 0)),
        Arguments.of(
            "清理一下 staging 里失败的 pod", new Repair(Verb.CLEANUP_EVICTED, "staging", null, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void an_imperative_is_a_request(String text, Repair expected) {
    assertThat(parser.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "did the rollback of frontend in shop work?",
        "should we roll back frontend in shop?",
        "why was frontend rolled back?",
        "rollback history of frontend in shop",
        "frontend 回滚过吗",
        "要不要回滚 frontend",
        "frontend 回滚了，现在正常吗",
        "is worker-3 cordoned?",
        "why is worker-3 cordoned",
        "worker-3 被隔离了吗",
        "the drain of worker-3 failed",
        "为什么 worker-3 排空不了",
        "is the db-backup cronjob suspended?",
        "db-backup 定时任务暂停了吗",
        "should i rerun the db-backup job?",
        "db-backup 重跑过吗",
        "要不要重跑 db-backup",
        "why were so many pods evicted in shop?",
        "shop 里有多少被驱逐的 pod",
        "who deleted pod frontend-abc in shop?",
        "pod 被删除了吗"
      })
  void a_question_that_mentions_a_repair_requests_nothing(String text) {
    Reading reading = parser.read(text);
    assertThat(reading.command())
        .isNotInstanceOfAny(Command.Restart.class, Command.Scale.class, Command.Repair.class);
    assertThat(reading.clues().write()).isEmpty();
  }
}
