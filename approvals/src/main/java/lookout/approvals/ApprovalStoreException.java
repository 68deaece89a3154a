package lookout.approvals;

/** The approvals database failed; the message says what we were doing ("while approving ..."). */
public final class ApprovalStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ApprovalStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
