package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The offline grammar: short English and Chinese requests to {@link Command}s by fixed rules, no
 * model. It reads an intent from cue words, then the namespace and workload from markers ("in x",
 * "-n x", "x 的 y", "在 x", "deploy/x"). Reads tolerate a little guessing; writes (restart, scale) do
 * not: an ambiguous or malformed write is {@link Command.Unknown}, so the agent asks instead of
 * acting.
 */
public final class RuleCommandParser implements CommandParser {
  /** Longer text is a question or a pasted log, not a command. */
  static final int MAX_LENGTH = 500;

  /** A replica count above this is a typo or an attack, not a plan. */
  static final int MAX_REPLICAS = 1000;

  private static final Set<String> HELP =
      Set.of(
          "help",
          "h",
          "commands",
          "usage",
          "whatcanyoudo",
          "helpme",
          "帮助",
          "你能做什么",
          "你会什么",
          "你会做什么",
          "能做什么",
          "怎么用",
          "用法",
          "命令",
          "帮助信息");

  @Override
  public Command parse(String text) {
    if (text == null) {
      return new Command.Unknown("");
    }
    try {
      return parseChecked(text);
    } catch (RuntimeException e) {
      return unknown(text); // the rules are meant never to throw; a bug must not become a crash
    }
  }

  @Override
  public Reading read(String text) {
    String safe = text == null ? "" : text;
    Command command = parse(safe);
    Clues clues;
    try {
      clues = clues(safe);
    } catch (RuntimeException e) {
      clues =
          Clues.none(safe); // the rules are meant never to throw; a bug must not cost the answer
    }
    return new Reading(command, CheckupRequest.parse(safe), clues);
  }

  /** The rules themselves, without the safety net, so tests can show they do not throw. */
  static Command parseChecked(String text) {
    if (text.length() > MAX_LENGTH) {
      return unknown(text);
    }
    Optional<Command> operator = OperatorCommands.parse(text);
    if (operator.isPresent()) {
      return operator.get();
    }
    Optional<Command> knowledge = KnowledgeCommands.parse(text);
    if (knowledge.isPresent()) {
      return knowledge.get();
    }
    Optional<Command> repair = RepairCommands.parse(text);
    if (repair.isPresent()) {
      return repair.get();
    }
    String normalized = Tokenizer.normalize(text);
    if (help(normalized)) {
      return new Command.Help();
    }
    List<Token> tokens = Tokenizer.tokens(normalized);
    Optional<Intent> intent = Intent.write(normalized).or(() -> Intent.look(tokens));
    if (intent.isEmpty()) {
      return unknown(text);
    }
    Targets targets = TargetReader.read(tokens);
    if (targets.malformed()) {
      return unknown(text);
    }
    return Resolved.of(intent.get(), targets)
        .map(r -> command(intent.get(), r, targets))
        .orElse(unknown(text));
  }

  /** The clues of a request for resolving what it names; see {@link Clues}. */
  static Clues clues(String text) {
    if (text.length() > MAX_LENGTH) {
      return Clues.none(text);
    }
    String normalized = Tokenizer.normalize(text);
    List<Token> tokens = Tokenizer.tokens(normalized);
    Optional<Intent> write = Intent.write(normalized);
    Look look =
        Intent.look(tokens)
            .map(
                i ->
                    switch (i) {
                      case LOGS -> Look.LOGS;
                      case STATUS -> Look.STATUS;
                      default -> Look.DIAGNOSE;
                    })
            .orElse(Look.NONE);
    Targets targets = TargetReader.read(tokens);
    return new Clues(
        normalized,
        look,
        Intent.problem(tokens),
        KindWords.hints(tokens, normalized),
        targets.malformed() ? null : targets.namespace(),
        targets.malformed() ? null : targets.name(),
        write.map(i -> i == Intent.RESTART ? "restart" : "scale"),
        refersBack(tokens));
  }

  private static final java.util.Set<String> BACK_EN =
      java.util.Set.of("it", "its", "this", "that", "them", "they", "same");
  private static final java.util.List<String> BACK_ZH =
      java.util.List.of("它", "这个", "那个", "他们", "上面");

  private static boolean refersBack(List<Token> tokens) {
    return tokens.stream()
        .anyMatch(
            t ->
                t.chinese()
                    ? BACK_ZH.stream().anyMatch(t.text()::contains)
                    : BACK_EN.contains(t.text()));
  }

  private static boolean help(String normalized) {
    String compact = normalized.replaceAll("[^\\p{L}\\p{N}?]", "");
    return compact.isEmpty()
        || compact.chars().allMatch(c -> c == '?')
        || HELP.contains(compact.replace("?", ""));
  }

  private static Command command(Intent intent, Resolved r, Targets targets) {
    return switch (intent) {
      case STATUS -> new Command.Status(r.namespace(), r.name());
      case DIAGNOSE ->
          r.name() != null
              ? new Command.Diagnose(r.namespace(), r.name())
              : r.namespace() != null ? new Command.Status(r.namespace(), null) : null;
      case LOGS -> r.name() == null ? null : new Command.Logs(r.namespace(), r.name());
      case RESTART -> r.name() == null ? null : new Command.Restart(r.namespace(), r.name());
      case SCALE -> scale(r, targets);
    };
  }

  /** Exactly one plain count between 0 and {@link #MAX_REPLICAS}, or no scale at all. */
  private static Command scale(Resolved r, Targets targets) {
    List<Long> counts = targets.replicas().stream().distinct().toList();
    if (r.name() == null || targets.badCount() || counts.size() != 1) {
      return null;
    }
    long replicas = counts.getFirst();
    return replicas < 0 || replicas > MAX_REPLICAS
        ? null
        : new Command.Scale(r.namespace(), r.name(), (int) replicas);
  }

  private static Command.Unknown unknown(String text) {
    String head = text;
    if (text.length() > MAX_LENGTH) {
      int cut =
          Character.isHighSurrogate(text.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
      head = text.substring(0, cut) + "…";
    }
    return new Command.Unknown(Tokenizer.withoutMention(head));
  }
}
