package lookout.agent.remote;

/**
 * A call to a service failed: unreachable, refused, or answered something unreadable. The message
 * names the service, where it is and what it said, never a credential.
 */
public class RemoteException extends RuntimeException {
  private final int status;

  public RemoteException(String message, int status) {
    super(message);
    this.status = status;
  }

  public RemoteException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status the service answered, or 0 when it answered nothing. */
  public int status() {
    return status;
  }
}
