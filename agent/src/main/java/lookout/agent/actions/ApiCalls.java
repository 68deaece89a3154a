package lookout.agent.actions;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;
import lookout.approvals.Action;

/** Calls to the API server, with failures turned into messages naming the action and reason. */
final class ApiCalls {
  private ApiCalls() {}

  /**
   * @throws IllegalStateException naming what was being done, the action, the cluster and the API
   *     server's reason
   */
  static <T> T call(Action action, String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      String reason =
          e.getStatus() != null && e.getStatus().getMessage() != null
              ? e.getStatus().getMessage()
              : e.getMessage();
      String prefix =
          "while " + what + " for " + action.describe() + " in cluster " + action.cluster() + ": ";
      throw new IllegalStateException(
          prefix
              + switch (e.getCode()) {
                case 403 -> "not allowed: " + reason;
                case 404 -> "not found: " + reason;
                case 409 -> "conflict, try again: " + reason;
                default -> reason;
              },
          e);
    }
  }

  /** Runs a call that returns nothing. */
  static void run(Action action, String what, Runnable call) {
    call(
        action,
        what,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * @throws IllegalStateException when {@code object} is null: the target is gone
   */
  static <T> T found(T object, Action action, String ref) {
    if (object == null) {
      throw new IllegalStateException(
          ref
              + " not found in cluster "
              + action.cluster()
              + " (deleted or renamed since it was requested?)");
    }
    return object;
  }
}
