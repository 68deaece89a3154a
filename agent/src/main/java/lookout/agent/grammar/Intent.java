package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a request asks for, read from cue words. Order matters: "why does checkout keep restarting"
 * and "checkout 为什么重启" ask why, not for a restart, so asking-why cues win over action cues; action
 * cues win over looking ("看看能不能重启" asks for a restart).
 */
enum Intent {
  DIAGNOSE,
  SCALE,
  RESTART,
  LOGS,
  STATUS;

  private static final Set<String> WHY_WORDS =
      Set.of("why", "diagnose", "diagnosis", "troubleshoot", "debug", "investigate");
  private static final List<String> WHY_PHRASES =
      List.of(
          " whats wrong with ", " what is wrong with ", " what happened to ", " what went wrong ");
  private static final List<String> WHY_ZH =
      List.of(
          "为什么", "为啥", "怎么回事", "咋回事", "怎么了", "诊断", "排查", "什么问题", "挂了", "报错", "出错", "崩溃", "异常",
          "失败");

  private static final Set<String> SCALE_WORDS = Set.of("scale", "--replicas");
  private static final List<String> SCALE_ZH = List.of("扩容", "缩容", "扩到", "缩到", "伸缩", "副本数", "扩展到");

  private static final Set<String> RESTART_WORDS = Set.of("restart", "bounce");
  private static final List<String> RESTART_ZH = List.of("重启", "重新启动");

  private static final Set<String> LOG_WORDS = Set.of("logs", "log");
  private static final List<String> LOG_ZH = List.of("日志");

  private static final Set<String> STATUS_WORDS =
      Set.of("status", "health", "healthy", "overview", "ok", "okay");
  private static final List<String> STATUS_PHRASES =
      List.of(" how is ", " how are ", " hows ", " whats wrong ", " what is wrong ", " whats up ");
  private static final List<String> STATUS_ZH =
      List.of("状态", "怎么样", "如何", "看看", "看下", "看一下", "查看", "检查", "情况", "健康");

  /**
   * Symptoms without a question word still ask why: "checkout is crashing", "checkout oomkilled".
   */
  private static final Set<String> SYMPTOM_WORDS =
      Set.of(
          "failing",
          "crashing",
          "crashed",
          "crashloop",
          "crashloopbackoff",
          "broken",
          "erroring",
          "oomkilled",
          "unhealthy",
          "stuck",
          "down");

  /** Lowest: a listing of pods reads as a status request. */
  private static final Set<String> LISTING_WORDS = Set.of("pods");

  static Optional<Intent> of(List<Token> tokens) {
    Set<String> words =
        tokens.stream().filter(Token::latin).map(Token::text).collect(Collectors.toSet());
    String latin =
        " "
            + tokens.stream().filter(Token::latin).map(Token::text).collect(Collectors.joining(" "))
            + " ";
    String chinese =
        tokens.stream().filter(Token::chinese).map(Token::text).collect(Collectors.joining(" "));
    if (any(words, WHY_WORDS) || phrase(latin, WHY_PHRASES) || phrase(chinese, WHY_ZH)) {
      return Optional.of(DIAGNOSE);
    }
    if (any(words, SCALE_WORDS)
        || words.stream().anyMatch(w -> w.startsWith("--replicas="))
        || phrase(chinese, SCALE_ZH)) {
      return Optional.of(SCALE);
    }
    if (any(words, RESTART_WORDS) || phrase(chinese, RESTART_ZH)) {
      return Optional.of(RESTART);
    }
    if (any(words, LOG_WORDS) || phrase(chinese, LOG_ZH)) {
      return Optional.of(LOGS);
    }
    if (any(words, STATUS_WORDS) || phrase(latin, STATUS_PHRASES) || phrase(chinese, STATUS_ZH)) {
      return Optional.of(STATUS);
    }
    if (any(words, SYMPTOM_WORDS)) {
      return Optional.of(DIAGNOSE);
    }
    return any(words, LISTING_WORDS) ? Optional.of(STATUS) : Optional.empty();
  }

  /** Reads and writes differ in how much guessing is acceptable. */
  boolean writes() {
    return this == SCALE || this == RESTART;
  }

  private static boolean any(Set<String> words, Set<String> cues) {
    return cues.stream().anyMatch(words::contains);
  }

  private static boolean phrase(String text, List<String> cues) {
    return cues.stream().anyMatch(text::contains);
  }
}
