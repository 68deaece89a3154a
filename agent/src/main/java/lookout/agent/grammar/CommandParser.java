package lookout.agent.grammar;

/** Parses one request. Never throws: what it cannot read becomes {@link Command.Unknown}. */
public interface CommandParser {
  Command parse(String text);
}
