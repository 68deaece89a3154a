package lookout.agent.grammar;

import java.util.Optional;

/**
 * A name written the kubectl way: {@code deploy/checkout}, {@code staging/checkout} or {@code
 * staging/deploy/checkout}.
 *
 * @param namespace null when the prefix is a kind
 */
record SlashName(String namespace, String name) {
  /** Empty when the word is not one of those forms or names something that cannot exist. */
  static Optional<SlashName> parse(String word) {
    String[] parts = word.split("/", -1);
    if (parts.length == 2 && Vocabulary.name(parts[1])) {
      if (Vocabulary.KIND_PREFIXES.contains(parts[0])) {
        return Optional.of(new SlashName(null, parts[1]));
      }
      if (Vocabulary.label(parts[0])) {
        return Optional.of(new SlashName(parts[0], parts[1]));
      }
    }
    if (parts.length == 3
        && Vocabulary.label(parts[0])
        && Vocabulary.KIND_PREFIXES.contains(parts[1])
        && Vocabulary.name(parts[2])) {
      return Optional.of(new SlashName(parts[0], parts[2]));
    }
    return Optional.empty();
  }
}
