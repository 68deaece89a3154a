package lookout.agent.cluster;

/** A cluster could not be configured or reached; the message names the cluster, file or context. */
public class ClusterAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ClusterAccessException(String message) {
    super(message);
  }

  public ClusterAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
