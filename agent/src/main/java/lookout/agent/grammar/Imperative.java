package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a request tells Lookout to restart or scale something, as opposed to asking about
 * restarts or replicas. Only the imperative form is a command: a clause that starts with the verb
 * ("restart checkout in staging", "please scale api to 3", "重启一下 staging 的 checkout"), or that puts
 * the object first the Chinese way ("把 checkout 扩到 3 个", "checkout 重启一下", "checkout 缩容到 2").
 * Anything that asks about the past, the frequency, the reason or whether to do it ("has it
 * restarted?", "why does it keep restarting?", "重启过吗", "之前重启过，现在正常吗", "要不要重启") is a question. When
 * in doubt it is a question: a question answered as a command posts an approval card; a command
 * answered as a question costs a rephrase.
 */
final class Imperative {
  enum Verb {
    RESTART,
    SCALE
  }

  /** Clause boundaries: a command may follow a description ("checkout is stuck, restart it"). */
  static final Pattern CLAUSES = Pattern.compile("[.;!?,，。；！？、\\n]+|\\s+(?:and then|then)\\s+");

  /** Words before the verb that keep it imperative: politeness, "can you", kubectl's own verbs. */
  private static final List<String> LEADS =
      List.of(
          "please",
          "pls",
          "plz",
          "kindly",
          "ok",
          "okay",
          "so",
          "now",
          "then",
          "and",
          "also",
          "hey",
          "hi",
          "lookout",
          "just",
          "quickly",
          "go ahead and",
          "can you",
          "could you",
          "would you",
          "will you",
          "can u",
          "could u",
          "i want you to",
          "i need you to",
          "i would like you to",
          "id like you to",
          "i want to",
          "i need to",
          "we need to",
          "lets",
          "let us",
          "kubectl",
          "k",
          "rollout",
          "try to",
          "try and",
          "force");

  /** After the verb, these make it a noun: "restart count", "restart policy", "scale of …". */
  static final List<String> NOUN_AFTER =
      List.of(
          "count",
          "counts",
          "loop",
          "loops",
          "history",
          "reason",
          "reasons",
          "policy",
          "events",
          "event",
          "number",
          "times",
          "rate",
          "of",
          "is",
          "was",
          "has",
          "happened",
          "status",
          "limit",
          "problem",
          "problems",
          "issue",
          "issues",
          "didnt",
          "doesnt",
          "did",
          "does",
          "helped",
          "fixed",
          "worked",
          "failed",
          "succeeded",
          "wont",
          "cant");

  private static final Pattern EN_RESTART = Pattern.compile("(?:restart|bounce|redeploy)");
  private static final Pattern EN_SCALE = Pattern.compile("scale");
  private static final Pattern EN_SET_REPLICAS =
      Pattern.compile("(?:set|change|increase|decrease|bump|reduce|raise|lower)");

  private static final List<String> ZH_RESTART = List.of("滚动重启", "重新启动", "重启");
  private static final List<String> ZH_SCALE =
      List.of("扩容", "缩容", "扩到", "缩到", "扩展到", "扩至", "缩至", "伸缩", "扩缩容", "扩成", "缩成");
  private static final Pattern ZH_REPLICAS =
      Pattern.compile("副本(?:数)?(?:改|调|设)|(?:加|减|增加|减少)[^，。]{0,8}副本");

  /** Anywhere in a clause: it asks why, when, how often or whether, so it is not a command. */
  static final List<String> ZH_ASKING =
      List.of(
          "为什么", "为啥", "怎么", "咋", "原因", "何时", "什么时候", "几次", "多少次", "次数", "是否", "有没有", "是不是", "会不会",
          "要不要", "需不需要", "该不该", "应不应该", "能不能", "可不可以", "可以吗", "能吗", "吗", "么", "呢", "没有", "记录", "历史",
          "频繁", "一直", "总是", "老是", "不停", "反复", "不断", "经常", "正在", "在重启", "又", "以后", "之后", "后还", "后也",
          "还是", "结果", "但是", "可是", "比较", "几个", "多少", "合适", "怎样");

  /** Right after the verb: it happened already, or afterwards: "重启过", "重启了", "重启后". */
  static final List<String> ZH_AFTER_VERB =
      List.of("过", "了", "后", "之后", "以后", "完", "的", "中", "次数", "原因", "失败", "成功");

  /** Politeness that turns a "…吗" into a request: "能帮我重启一下吗". */
  static final List<String> ZH_ASKS_FOR = List.of("帮我", "帮忙", "麻烦", "请", "劳驾", "给我");

  /** A replica count right after a scale verb: "4 个", "三个副本", "10". */
  private static final Pattern COUNT =
      Pattern.compile("^(?:到|至|成|为)?\\s*[0-9零〇一二两三四五六七八九十百千]+\\s*(?:个副本|个|副本|份|台|实例)?");

  /**
   * After "扩到 N 个", words that tell what happened then ("就不动了", "也不够", "还是慢", "都没用"); a command
   * ends at the count or with a particle ("扩到 6 个吧").
   */
  private static final Pattern REPORT_AFTER_COUNT = Pattern.compile("[就也还都了不没却]");

  static final Pattern ZH_LEAD =
      Pattern.compile("^(?:请|麻烦|帮我|帮忙|帮|给我|劳驾|辛苦|快|赶紧|马上|立刻|立即|现在|直接|先|再|那就|那|就|你|去|顺便|把它|把他)*");

  /**
   * In the same clause as the verb, a report of trouble: the scale or restart already happened and
   * something went wrong ("扩容到4个 起不来一个", "scaled to 4 but one is pending"). That is a description
   * of a problem, so a question — never a second write of the same change.
   */
  static final Pattern TROUBLE =
      Pattern.compile(
          "起不来|起不了|没起来|不起来|启动不了|启动失败|不行|失败|报错|出错|异常|有问题|出问题|卡住|卡在|挂了|不正常|没反应"
              + "|\\bpending\\b|\\b(?:fails|failed|failing|errors?|stuck|broken)\\b"
              + "|\\b(?:does|did|wo|ca|is|are)(?:n['’]?t| not) (?:start|come|work|run|get|schedule|become)"
              + "|\\bcannot (?:start|come|work|run|get|schedule|become)"
              + "|\\bnot (?:starting|ready|running|working|coming up|scheduling)\\b",
          Pattern.CASE_INSENSITIVE);

  private Imperative() {}

  /** The write the text commands, or empty when it commands none (a question, a statement). */
  static Optional<Verb> of(String normalized) {
    for (String clause : CLAUSES.split(normalized)) {
      Optional<Verb> verb = clause(clause.strip());
      if (verb.isPresent()) {
        return verb;
      }
    }
    return Optional.empty();
  }

  private static Optional<Verb> clause(String clause) {
    if (clause.isEmpty()) {
      return Optional.empty();
    }
    if (TROUBLE.matcher(clause).find()) {
      return Optional.empty();
    }
    Optional<Verb> english = english(clause);
    return english.isPresent() ? english : chinese(clause);
  }

  /** "restart x", "please restart x", "can you scale x to 3", "帮我 restart 一下 x". */
  private static Optional<Verb> english(String clause) {
    String rest = ZH_LEAD.matcher(clause).replaceFirst("").strip();
    rest = stripLeads(rest);
    String[] words = rest.split("\\s+", 3);
    if (words.length == 0 || words[0].isEmpty()) {
      return Optional.empty();
    }
    String verb = words[0];
    String next = words.length > 1 ? words[1] : "";
    boolean asksFor = ZH_ASKS_FOR.stream().anyMatch(clause::contains);
    if (NOUN_AFTER.contains(next) || (chineseAsking(clause) && !asksFor)) {
      return Optional.empty();
    }
    if (EN_RESTART.matcher(verb).matches()) {
      return Optional.of(Verb.RESTART);
    }
    if (EN_SCALE.matcher(verb).matches()) {
      return Optional.of(Verb.SCALE);
    }
    if (EN_SET_REPLICAS.matcher(verb).matches() && rest.matches(".*\\breplicas?\\b.*")) {
      return Optional.of(Verb.SCALE);
    }
    return Optional.empty();
  }

  static String stripLeads(String text) {
    String rest = text;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String lead : LEADS) {
        if (rest.startsWith(lead + " ")) {
          rest = rest.substring(lead.length()).strip();
          rest = ZH_LEAD.matcher(rest).replaceFirst("").strip();
          changed = true;
        }
      }
    }
    return rest;
  }

  /** "重启一下 x", "把 x 重启一下", "x 重启下", "x 缩容到 2", "帮我重启 x". */
  private static Optional<Verb> chinese(String clause) {
    boolean asksFor = ZH_ASKS_FOR.stream().anyMatch(clause::contains);
    if (chineseAsking(clause) && !asksFor) {
      return Optional.empty();
    }
    if (ZH_ASKING.stream()
        .filter(w -> !List.of("吗", "么", "呢", "能不能", "可不可以", "可以吗", "能吗").contains(w))
        .anyMatch(clause::contains)) {
      return Optional.empty(); // why, how often, whether: a question even when polite
    }
    for (Verb verb : Verb.values()) {
      for (String word : verb == Verb.RESTART ? ZH_RESTART : ZH_SCALE) {
        int at = clause.indexOf(word);
        if (at >= 0 && imperativeAt(clause, at, word, verb)) {
          return Optional.of(verb);
        }
      }
    }
    var replicas = ZH_REPLICAS.matcher(clause);
    if (replicas.find()
        && !reported(replicas.group(), clause.substring(replicas.end()))
        && (clause.contains("把") || clause.contains("将") || clause.contains("给") || asksFor)) {
      return Optional.of(Verb.SCALE);
    }
    return Optional.empty();
  }

  private static boolean imperativeAt(String clause, int at, String word, Verb verb) {
    String after = clause.substring(at + word.length()).strip();
    if (ZH_AFTER_VERB.stream().anyMatch(after::startsWith)) {
      return false;
    }
    String afterCount = COUNT.matcher(after).replaceFirst("").strip();
    if (afterCount.length() < after.length()
        && ZH_AFTER_VERB.stream().anyMatch(afterCount::startsWith)) {
      return false; // "扩到 4 个后 …": after it was scaled, a description
    }
    if (afterCount.length() < after.length() && REPORT_AFTER_COUNT.matcher(afterCount).find()) {
      return false; // "扩容到6个就不动了", "扩到10个也不够": what happened at that count, a description
    }
    String before = ZH_LEAD.matcher(clause.substring(0, at).strip()).replaceFirst("").strip();
    if (stripLeads(before + " ").isBlank()) {
      return true; // the clause starts with the verb
    }
    if (before.contains("把") || before.contains("将") || before.contains("给")) {
      return true;
    }
    if (after.startsWith("一下") || after.startsWith("下") || after.startsWith("一次")) {
      return true;
    }
    boolean toCount = word.endsWith("到") || word.endsWith("至") || word.endsWith("成");
    return verb == Verb.SCALE
        && (toCount || after.startsWith("到") || after.startsWith("至") || after.startsWith("成"));
  }

  /**
   * "加了副本也没用", "加过副本", "加副本后还是慢": replicas added already, and what came of it — a description of
   * what was tried, never a command.
   */
  private static boolean reported(String verbToReplicas, String after) {
    String next = after.strip();
    return verbToReplicas.contains("了")
        || verbToReplicas.contains("过")
        || ZH_AFTER_VERB.stream().anyMatch(next::startsWith)
        || (!next.isEmpty() && REPORT_AFTER_COUNT.matcher(next.substring(0, 1)).matches());
  }

  static boolean chineseAsking(String clause) {
    return ZH_ASKING.stream().anyMatch(clause::contains);
  }
}
