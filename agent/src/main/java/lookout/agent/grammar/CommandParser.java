package lookout.agent.grammar;

/** Parses one request. Never throws: what it cannot read becomes {@link Command.Unknown}. */
public interface CommandParser {
  Command parse(String text);

  /**
   * The whole reading of a request: the command, a check-up request, and the clues for resolving
   * names. Never throws.
   */
  default Reading read(String text) {
    String safe = text == null ? "" : text;
    Command command;
    try {
      command = parse(safe);
    } catch (RuntimeException e) {
      command = new Command.Unknown(safe);
    }
    Clues clues;
    try {
      clues = Clues.of(safe);
    } catch (RuntimeException e) {
      clues =
          Clues.none(safe); // the rules are meant never to throw; a bug must not cost the answer
    }
    return new Reading(command, CheckupRequest.parse(safe), clues);
  }
}
