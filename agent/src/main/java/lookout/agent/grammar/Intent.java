package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a request asks for, read from cue words. Writes come first but only in the imperative form
 * ({@link Imperative}): "restart checkout in staging" restarts, "why does checkout keep restarting"
 * and "checkout 之前重启过，现在正常吗" ask. Then asking why beats logs, logs beat status, and symptoms
 * without a question word ("checkout is crashing", "reviews 访问不了") still ask why.
 */
enum Intent {
  DIAGNOSE,
  SCALE,
  RESTART,
  LOGS,
  STATUS;

  private static final Set<String> WHY_WORDS =
      Set.of("why", "diagnose", "diagnosis", "troubleshoot", "debug", "investigate", "wrong");
  private static final List<String> WHY_PHRASES =
      List.of(
          " whats wrong with ",
          " what is wrong with ",
          " what happened to ",
          " what went wrong ",
          " root cause ",
          " how come ",
          " whats up with ",
          " what is up with ",
          " needs attention ",
          " need attention ");
  private static final List<String> WHY_ZH =
      List.of(
          "为什么", "为啥", "怎么回事", "咋回事", "怎么了", "咋了", "诊断", "排查", "什么问题", "啥问题", "挂了", "报错", "出错",
          "崩溃", "异常", "失败", "原因", "问题", "故障", "不正常", "起不来", "启动不了", "没起来", "访问不了", "访问不到", "连不上",
          "打不开", "超时", "不可用", "不工作", "不行", "坏了", "被驱逐", "驱逐", "卡住", "卡在", "重启过", "重启了", "一直重启",
          "频繁重启", "反复重启", "重启次数", "跑成功", "成功了吗", "成功没", "执行成功", "跑了吗", "跑完", "有没有跑", "正常吗", "正常不",
          "是否正常", "恢复", "慢", "不稳定", "抖动", "时好时坏", "时不时", "间歇", "偶发", "偶尔", "掉线", "闪断", "卡顿", "不通",
          "崩了", "炸了", "挂掉", "宕机", "死掉", "泄漏", "泄露", "被杀");

  private static final Set<String> LOG_WORDS = Set.of("logs", "log");
  private static final List<String> LOG_ZH = List.of("日志");

  private static final Set<String> STATUS_WORDS =
      Set.of("status", "health", "healthy", "overview", "ok", "okay", "state");
  private static final List<String> STATUS_PHRASES =
      List.of(" how is ", " how are ", " hows ", " whats wrong ", " what is wrong ", " whats up ");

  /** Asking to see logs, not mentioning them: "show logs of x", "x 的日志", "看下日志". */
  private static final Set<String> LOG_VERBS =
      Set.of("show", "get", "tail", "print", "give", "see", "fetch", "view", "display", "dump");

  private static final List<String> LOG_ASKS_ZH =
      List.of("看日志", "看下日志", "查日志", "的日志", "日志看", "打印日志");

  /** More words of trouble: nothing there, stuck, not taking effect, an alert. */
  private static final List<String> TROUBLE =
      List.of(" no ", " 0 pods ", " zero ", " nothing ", " never ", " anymore ", " attention ");

  private static final List<String> TROUBLE_ZH =
      List.of(
          "没有", "没了", "不生效", "卡", "少了", "不动", "不跑", "不扩容", "关注", "告警", "报警", "打不开", "不了", "不下",
          "不到", "不上", "不来", "没用", "没生效", "堆积", "积压", "满了", "爆了", "不够", "不对", "没反应", "失效", "不进",
          "不去", "只读");
  private static final List<String> STATUS_ZH =
      List.of("状态", "怎么样", "如何", "看看", "看下", "看一下", "查看", "检查", "情况", "健康");

  /**
   * Symptoms without a question word still ask why: "checkout is crashing", "checkout oomkilled",
   * "frontend is not starting", "did the backup job work?".
   */
  private static final Set<String> SYMPTOM_WORDS =
      Set.of(
          "failing",
          "fails",
          "failed",
          "fail",
          "failure",
          "crashing",
          "crashed",
          "crash",
          "crashes",
          "crashloop",
          "crashloopbackoff",
          "broken",
          "broke",
          "erroring",
          "error",
          "errors",
          "oomkilled",
          "oom",
          "unhealthy",
          "stuck",
          "down",
          "evicted",
          "pending",
          "unreachable",
          "timeout",
          "timeouts",
          "timing",
          "refused",
          "503",
          "502",
          "500",
          "504",
          "restarting",
          "restarted",
          "restarts",
          "starting",
          "start",
          "started",
          "work",
          "worked",
          "working",
          "succeed",
          "succeeded",
          "complete",
          "completed",
          "run",
          "ran",
          "running",
          "ready",
          "unavailable",
          "degraded",
          "slow",
          "problem",
          "problems",
          "issue",
          "issues",
          "trouble",
          "notready",
          "backoff",
          "imagepullbackoff",
          "errimagepull",
          "recovered",
          "killed",
          "dying",
          "dead",
          "flapping",
          "lagging",
          "unstable",
          "flaky",
          "intermittent",
          "intermittently",
          "hanging",
          "hung",
          "frozen",
          "leaking",
          "throttled",
          "throttling");

  /** Lowest: a listing of pods reads as a status request. */
  private static final Set<String> LISTING_WORDS = Set.of("pods");

  /** The write the text commands in the imperative, if any. */
  static Optional<Intent> write(String normalized) {
    return Imperative.of(normalized)
        .map(v -> v == Imperative.Verb.RESTART ? Intent.RESTART : Intent.SCALE);
  }

  /** What a request that commands nothing asks: diagnose, logs, status, or nothing we know. */
  static Optional<Intent> look(List<Token> tokens) {
    Set<String> words = latinWords(tokens);
    String latin = " " + String.join(" ", latinList(tokens)) + " ";
    String chinese = chinese(tokens);
    if (any(words, WHY_WORDS) || phrase(latin, WHY_PHRASES) || phrase(chinese, WHY_ZH)) {
      return Optional.of(DIAGNOSE);
    }
    if (any(words, LOG_WORDS) || phrase(chinese, LOG_ZH)) {
      // "logs look fine but it crashes": logs mentioned while describing trouble ask why
      if (!problem(tokens)
          || any(words, LOG_VERBS)
          || phrase(chinese, LOG_ASKS_ZH)
          || latin.contains(" logs of ")
          || latin.contains(" logs for ")) {
        return Optional.of(LOGS);
      }
      return Optional.of(DIAGNOSE);
    }
    if (any(words, STATUS_WORDS) || phrase(latin, STATUS_PHRASES) || phrase(chinese, STATUS_ZH)) {
      return Optional.of(STATUS);
    }
    if (any(words, SYMPTOM_WORDS) || restartWords(words) || chinese.contains("重启")) {
      return Optional.of(DIAGNOSE);
    }
    if (any(words, LISTING_WORDS)) {
      return Optional.of(STATUS);
    }
    return problem(tokens) ? Optional.of(DIAGNOSE) : Optional.empty();
  }

  /** True when the words speak of trouble: the answer should look for causes, not list state. */
  static boolean problem(List<Token> tokens) {
    Set<String> words = latinWords(tokens);
    String latin = " " + String.join(" ", latinList(tokens)) + " ";
    return any(words, WHY_WORDS)
        || any(words, SYMPTOM_WORDS)
        || phrase(latin, WHY_PHRASES)
        || latin.contains(" whats wrong ")
        || latin.contains(" what is wrong ")
        || latin.contains(" not ")
        || phrase(latin, TROUBLE)
        || shortOfReady(latin)
        || phrase(chinese(tokens), WHY_ZH)
        || phrase(chinese(tokens), TROUBLE_ZH);
  }

  private static final java.util.regex.Pattern RATIO =
      java.util.regex.Pattern.compile("(?<![\\w/])(\\d{1,4})/(\\d{1,4})(?![\\w/])");

  /** "0/3", "1/2 forever", "2/3 ready": fewer ready than wanted is trouble. */
  private static boolean shortOfReady(String latin) {
    var m = RATIO.matcher(latin);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) < Integer.parseInt(m.group(2))) {
        return true;
      }
    }
    return false;
  }

  /** Reads and writes differ in how much guessing is acceptable. */
  boolean writes() {
    return this == SCALE || this == RESTART;
  }

  private static boolean restartWords(Set<String> words) {
    return words.stream().anyMatch(w -> w.startsWith("restart") || w.startsWith("scale"));
  }

  private static Set<String> latinWords(List<Token> tokens) {
    return tokens.stream().filter(Token::latin).map(Token::text).collect(Collectors.toSet());
  }

  private static List<String> latinList(List<Token> tokens) {
    return tokens.stream().filter(Token::latin).map(Token::text).toList();
  }

  private static String chinese(List<Token> tokens) {
    return tokens.stream().filter(Token::chinese).map(Token::text).collect(Collectors.joining(" "));
  }

  private static boolean any(Set<String> words, Set<String> cues) {
    return cues.stream().anyMatch(words::contains);
  }

  private static boolean phrase(String text, List<String> cues) {
    return cues.stream().anyMatch(text::contains);
  }
}
