package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.agent.grammar.Command.Repair.Verb;

/**
 * The repairs beyond restart and scale — roll back, delete a pod, cordon/uncordon/drain a node,
 * suspend/resume a CronJob, re-run a Job, clean up Evicted pods — in English and Chinese, by the
 * same rule as {@link Imperative}: only the imperative is a command. The verb starts the clause
 * (after "please", "can you", 帮我, …), or the object comes first the Chinese way ("把 checkout 回滚",
 * "node-4 隔离一下"). A clause that asks about it ("did the rollback work?", "要不要回滚", "回滚过吗", "rollback
 * history") or reports trouble ("the drain failed") is a question and is left to the other rules.
 */
final class RepairCommands {
  private record EnglishVerb(Verb verb, Pattern pattern) {}

  private record ChineseVerb(Verb verb, List<String> words, String needs) {}

  private static final String DEPLOY =
      "(?:(?:deployment|deploy|statefulset|sts|daemonset|ds)\\s+)?";
  private static final List<EnglishVerb> ENGLISH =
      List.of(
          en(
              Verb.CLEANUP_EVICTED,
              "(?:clean\\s*up|cleanup|purge|delete|remove)\\s+(?:the\\s+|all\\s+)?"
                  + "(?:evicted|failed)(?:\\s+(?:and|or)\\s+(?:evicted|failed))?\\s+pods?\\b"),
          en(
              Verb.ROLLBACK,
              "(?:roll\\s*back|undo(?:\\s+the)?(?:\\s+rollout)?(?:\\s+of)?)\\s+(?:the\\s+)?"
                  + DEPLOY),
          en(Verb.DELETE_POD, "(?:delete|kill|remove)\\s+(?:the\\s+)?pod\\s+"),
          en(Verb.UNCORDON, "uncordon\\s+(?:the\\s+)?(?:node\\s+)?"),
          en(Verb.CORDON, "cordon\\s+(?:off\\s+)?(?:the\\s+)?(?:node\\s+)?"),
          en(Verb.DRAIN, "drain\\s+(?:the\\s+)?(?:node\\s+)?"),
          en(Verb.SUSPEND, "(?:suspend|pause)\\s+(?:the\\s+)?(?:cron\\s*job\\s+)?"),
          en(Verb.RESUME, "(?:resume|unsuspend|unpause)\\s+(?:the\\s+)?(?:cron\\s*job\\s+)?"),
          en(
              Verb.RERUN,
              "(?:re-?run|retry|run\\s+again)\\s+(?:the\\s+)?(?:failed\\s+)?(?:cron\\s*job\\s+|job\\s+)?"));

  private static final List<ChineseVerb> CHINESE =
      List.of(
          new ChineseVerb(
              Verb.CLEANUP_EVICTED, List.of("清理", "清除", "清掉", "删除", "删掉"), "驱逐|evicted|失败的\\s*pod"),
          new ChineseVerb(Verb.ROLLBACK, List.of("回滚", "回退"), null),
          new ChineseVerb(Verb.DELETE_POD, List.of("删除", "删掉", "干掉", "删"), "pod|容器组"),
          new ChineseVerb(Verb.UNCORDON, List.of("取消隔离", "解除隔离", "恢复调度", "取消封锁", "解除封锁"), null),
          new ChineseVerb(Verb.CORDON, List.of("隔离", "封锁", "禁止调度", "停止调度"), null),
          new ChineseVerb(Verb.DRAIN, List.of("驱逐", "排空", "腾空"), "节点|node"),
          new ChineseVerb(Verb.SUSPEND, List.of("暂停", "停掉", "停用"), "定时任务|cronjob|cron"),
          new ChineseVerb(Verb.RESUME, List.of("恢复", "启用", "重新启用"), "定时任务|cronjob|cron"),
          new ChineseVerb(Verb.RERUN, List.of("重跑", "重新跑", "重新运行", "重新执行", "再跑"), null));

  /** Words naming the kind of object, dropped before the name is read. */
  private static final Pattern FILLER =
      Pattern.compile(
          "(?<![\\w-])(?:pods?|nodes?|cron\\s*jobs?|jobs?|the|evicted|failed)(?![\\w-])|定时任务|任务|节点|容器组|被驱逐的|驱逐的|失败的|一下|一次|下|把|将|给|了|吧");

  private static final Pattern REVISION =
      Pattern.compile(
          "(?:\\bto\\s+)?\\b(?:revision|rev)\\s*#?(\\d{1,9})\\b|到?\\s*(?:第\\s*)?(\\d{1,9})\\s*(?:个)?(?:版本|版)|(?:到\\s*)?版本\\s*(\\d{1,9})");

  /** Object phrases that contain a trouble word without reporting trouble. */
  private static final Pattern OBJECT_TROUBLE =
      Pattern.compile("\\bfailed\\s+(?:and\\s+evicted\\s+)?(?:pods?|jobs?)\\b|失败的");

  private RepairCommands() {}

  /** The repair the text commands, or empty when it commands none. */
  static Optional<Command> parse(String text) {
    String normalized = Tokenizer.normalize(text);
    for (String raw : Imperative.CLAUSES.split(normalized)) {
      String clause = raw.strip();
      if (clause.isEmpty()
          || Imperative.TROUBLE.matcher(OBJECT_TROUBLE.matcher(clause).replaceAll(" ")).find()) {
        continue;
      }
      Optional<Command> command = english(clause).or(() -> chinese(clause));
      if (command.isPresent()) {
        return command;
      }
    }
    return Optional.empty();
  }

  private static Optional<Command> english(String clause) {
    String rest =
        Imperative.stripLeads(Imperative.ZH_LEAD.matcher(clause).replaceFirst("").strip());
    boolean asksFor = Imperative.ZH_ASKS_FOR.stream().anyMatch(clause::contains);
    if (Imperative.chineseAsking(clause) && !asksFor) {
      return Optional.empty();
    }
    for (EnglishVerb v : ENGLISH) {
      Matcher m = v.pattern().matcher(rest);
      if (m.lookingAt()) {
        String after = rest.substring(m.end()).strip();
        String next = after.split("\\s+", 2)[0];
        if (Imperative.NOUN_AFTER.contains(next)) {
          return Optional.empty(); // "rollback history", "drain status", "rerun failed"
        }
        return Optional.of(repair(v.verb(), after));
      }
    }
    return Optional.empty();
  }

  private static Optional<Command> chinese(String clause) {
    boolean asksFor = Imperative.ZH_ASKS_FOR.stream().anyMatch(clause::contains);
    if (Imperative.chineseAsking(clause) && !asksFor) {
      return Optional.empty();
    }
    if (Imperative.ZH_ASKING.stream()
        .filter(w -> !List.of("吗", "么", "呢", "能不能", "可不可以", "可以吗", "能吗").contains(w))
        .anyMatch(clause::contains)) {
      return Optional.empty(); // why, how often, whether: a question even when polite
    }
    for (ChineseVerb v : CHINESE) {
      if (v.needs() != null && !Pattern.compile(v.needs()).matcher(clause).find()) {
        continue;
      }
      for (String word : v.words()) {
        int at = clause.indexOf(word);
        if (at >= 0 && imperativeAt(clause, at, word)) {
          String target = clause.substring(0, at) + " " + clause.substring(at + word.length());
          return Optional.of(repair(v.verb(), target));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean imperativeAt(String clause, int at, String word) {
    String after = clause.substring(at + word.length()).strip();
    if (Imperative.ZH_AFTER_VERB.stream().anyMatch(after::startsWith)) {
      return false; // 回滚过, 回滚了, 回滚后, 回滚失败
    }
    String before =
        Imperative.ZH_LEAD.matcher(clause.substring(0, at).strip()).replaceFirst("").strip();
    return Imperative.stripLeads(before + " ").isBlank()
        || before.contains("把")
        || before.contains("将")
        || after.startsWith("一下")
        || after.startsWith("下");
  }

  /** The command with what the rest of the clause names; a name that cannot be read is null. */
  private static Command repair(Verb verb, String targetText) {
    long revision = 0;
    Matcher r = REVISION.matcher(targetText);
    if (verb == Verb.ROLLBACK && r.find()) {
      String n = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
      revision = Long.parseLong(n);
      targetText = targetText.substring(0, r.start()) + " " + targetText.substring(r.end());
    }
    String cleaned = FILLER.matcher(targetText.replaceAll("\\bto\\b\\s*$", "")).replaceAll(" ");
    Targets t = TargetReader.read(Tokenizer.tokens(cleaned.strip()));
    if (t.malformed()) {
      return new Command.Repair(verb, null, null, revision);
    }
    if (verb == Verb.CLEANUP_EVICTED) {
      String ns = t.namespace();
      if (ns == null && t.name() == null && t.loose().size() == 1) {
        ns = t.loose().getFirst();
      }
      return new Command.Repair(verb, ns, null, 0);
    }
    long asked = revision;
    return Resolved.of(Intent.RESTART, t)
        .map(x -> new Command.Repair(verb, x.namespace(), x.name(), asked))
        .orElse(new Command.Repair(verb, null, null, revision));
  }

  private static EnglishVerb en(Verb verb, String regex) {
    return new EnglishVerb(verb, Pattern.compile(regex));
  }
}
