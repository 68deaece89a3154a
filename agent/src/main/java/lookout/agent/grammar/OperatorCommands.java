package lookout.agent.grammar;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands about Lookout's own approvals rather than the cluster, in a fixed form read before the
 * free-form rules: {@code audit [today|<namespace>|<platform:user>]} (审计) and {@code reset breaker
 * <restart|scale> <namespace>/<name>} (重置熔断). User ids keep their case (they are compared exactly);
 * everything else is lower-cased.
 */
final class OperatorCommands {
  private static final Pattern AUDIT = Pattern.compile("(?:audit|审计)(?:\\s+(\\S+))?");
  private static final Pattern RESET =
      Pattern.compile(
          "(?:reset\\s+(?:circuit\\s+)?breaker|重置熔断(?:器)?)(?:\\s+(.*))?", Pattern.DOTALL);
  private static final Pattern RESET_TARGET =
      Pattern.compile("(restart|scale)\\s+([a-z0-9][a-z0-9.-]*)/([a-z0-9][a-z0-9.-]*)");
  private static final Pattern USER = Pattern.compile("[a-z][a-z0-9_-]*:\\S+");
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

  private OperatorCommands() {}

  /** The command, or empty when the text is not one of these (the other rules then apply). */
  static Optional<Command> parse(String text) {
    String raw =
        Normalizer.normalize(Tokenizer.withoutMention(text), Normalizer.Form.NFKC)
            .strip()
            .replaceAll("\\s+", " ");
    String lower = raw.toLowerCase(Locale.ROOT);
    Matcher audit = AUDIT.matcher(lower);
    if (audit.matches()) {
      return Optional.of(audit(audit.group(1) == null ? null : raw.split(" ")[1]));
    }
    Matcher reset = RESET.matcher(lower);
    if (reset.matches()) {
      Matcher target = RESET_TARGET.matcher(reset.group(1) == null ? "" : reset.group(1).strip());
      return Optional.of(
          target.matches()
              ? new Command.ResetBreaker(target.group(1), target.group(2), target.group(3))
              : new Command.Unknown(raw));
    }
    return Optional.empty();
  }

  private static Command audit(String filter) {
    if (filter == null) {
      return new Command.Audit(Command.Audit.Scope.ALL, null);
    }
    String lower = filter.toLowerCase(Locale.ROOT);
    if (List.of("today", "今天").contains(lower)) {
      return new Command.Audit(Command.Audit.Scope.TODAY, null);
    }
    if (USER.matcher(filter).matches() && !lower.startsWith("group:")) {
      return new Command.Audit(Command.Audit.Scope.USER, filter);
    }
    if (NAMESPACE.matcher(lower).matches()) {
      return new Command.Audit(Command.Audit.Scope.NAMESPACE, lower);
    }
    return new Command.Unknown("audit " + filter);
  }
}
