package lookout.agent.grammar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the words of a request say beyond its {@link Command}, for resolving the names it mentions
 * against the cluster's inventory. Pure text: nothing here has looked at a cluster.
 *
 * @param text the request folded and lower-cased, mentions removed: where names are looked for
 * @param look what a question asks (for commands, what asking about it would be)
 * @param problem true when the words speak of trouble ("wrong", "failing", "挂了", "访问不了"): the
 *     answer looks for causes rather than listing state
 * @param kinds kinds the words hint at, strongest first ("svc" → Service, "evicted" → Pod)
 * @param namespace a namespace named by a marker ("in x", "-n x", "x 的 …", "x/y"), or null
 * @param name an object named by a marker ("deploy/x", "of x", "x 的 y"), or null
 * @param write "restart" or "scale" when the request commands that write in the imperative, even if
 *     it could not be read safely (then its command is {@link Command.Unknown}); else empty
 */
public record Clues(
    String text,
    Look look,
    boolean problem,
    List<String> kinds,
    String namespace,
    String name,
    Optional<String> write,
    boolean refersBack) {
  public Clues {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(look, "look");
    kinds = List.copyOf(kinds);
    Objects.requireNonNull(write, "write");
  }

  /** Clues of a text nobody could read (null, too long): nothing to go on. */
  public static Clues none(String text) {
    return new Clues(
        text == null ? "" : text, Look.NONE, false, List.of(), null, null, Optional.empty(), false);
  }

  /** The clues of {@code text}, read by the rules of this package. */
  public static Clues of(String text) {
    return RuleCommandParser.clues(text);
  }
}
