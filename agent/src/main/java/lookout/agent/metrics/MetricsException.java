package lookout.agent.metrics;

/** A metrics query failed; the message says which query and why, never a credential. */
public final class MetricsException extends RuntimeException {
  public MetricsException(String message) {
    super(message);
  }

  public MetricsException(String message, Throwable cause) {
    super(message, cause);
  }
}
