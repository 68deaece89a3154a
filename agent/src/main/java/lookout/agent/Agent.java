package lookout.agent;

/** Answers one question. Blocking: call from a virtual thread. Never throws for a bad question. */
public interface Agent {
  Answer ask(Question question);
}
