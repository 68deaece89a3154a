package lookout.agent.analyzers;

/** How wide the facts are: one target, or a namespace/cluster scan. */
final class Scope {
  private Scope() {}

  /**
   * True when the facts are about one target (not a namespace or cluster scan): worth a log read
   * per finding, which a scan of hundreds of pods cannot afford.
   */
  static boolean single(ClusterFacts facts) {
    return facts.target() != null && !facts.target().kind().equals("Namespace");
  }
}
