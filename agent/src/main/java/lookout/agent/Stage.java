package lookout.agent;

/**
 * One stage of the agent chain (check-ups, the model, the offline agent): answers an understood
 * question or hands it to the stage below. Answers are not redacted here; the chain redacts once,
 * on the way out. Blocking; never throws for a bad question.
 */
public interface Stage {
  Answer answer(UnderstoodQuestion question);

  /** As {@link #answer(UnderstoodQuestion)}, with interim answers to {@code progress}. */
  default Answer answer(UnderstoodQuestion question, Progress progress) {
    return answer(question);
  }
}
