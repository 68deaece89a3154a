package lookout.agent;

/**
 * Where an answer that takes a while shows itself before it is done: the deterministic evidence
 * first, then the same answer with more of the model's analysis each time. Each call replaces the
 * previous one; the answer a stage returns replaces the last. Called from any thread, often;
 * whoever shows it decides how often a platform is edited. Must not throw.
 */
@FunctionalInterface
public interface Progress {
  void interim(Answer answer);

  Progress NONE = answer -> {};
}
