package lookout.agent.grammar;

import java.util.List;

/**
 * What a request names, before the intent decides how to use it.
 *
 * @param namespace from an explicit marker ("in x", "-n x", "x 的 …", "在 x"), or null
 * @param name from an explicit marker ("deploy/x", "deployment x", "of x", "x 的 y"), or null
 * @param softName true when {@code name} came from a preposition ("status of prod"), which may name
 *     a namespace after all
 * @param loose other name-like words, in order, that no marker claimed
 * @param replicas every replica count the request mentions (marked or bare), in order
 * @param malformed true when a marker was followed by something that cannot be a name ("in
 *     Staging_Env", "deploy/Bad_Name"); such requests are not guessed at
 * @param badCount true when a number-like word is not a plain count ("to -1", "3.5", "1e3")
 */
record Targets(
    String namespace,
    String name,
    boolean softName,
    List<String> loose,
    List<Long> replicas,
    boolean malformed,
    boolean badCount) {
  Targets {
    loose = List.copyOf(loose);
    replicas = List.copyOf(replicas);
  }
}
