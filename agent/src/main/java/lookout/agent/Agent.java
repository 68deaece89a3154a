package lookout.agent;

/** Answers one question. Blocking: call from a virtual thread. Never throws for a bad question. */
public interface Agent {
  Answer ask(Question question);

  /**
   * As {@link #ask}, showing the answer in {@code progress} while it is made (evidence first, then
   * the model's analysis as it is written). Default: no interim answers.
   */
  default Answer ask(Question question, Progress progress) {
    return ask(question);
  }
}
