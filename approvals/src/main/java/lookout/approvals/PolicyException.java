package lookout.approvals;

/**
 * The policy forbids something, or a policy file is wrong. The message is written for humans: it
 * names what is wrong and where, and is safe to show in chat.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
