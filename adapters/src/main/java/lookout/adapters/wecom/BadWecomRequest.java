package lookout.adapters.wecom;

/**
 * A callback WeCom would not have sent: a bad signature, a stale timestamp, undecryptable or
 * malformed content, the wrong receive id. {@code status} is the HTTP status to answer (4xx).
 */
public final class BadWecomRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public BadWecomRequest(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
