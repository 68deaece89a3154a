package lookout.agent.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cheap readiness check: {@code GET /version}, which every authenticated identity may call,
 * bounded by a short timeout whatever the client's own timeouts are.
 */
public final class ClusterProbe {
  private ClusterProbe() {}

  /**
   * The outcome of a check.
   *
   * @param detail the server version when reachable, otherwise what went wrong
   */
  public record Result(boolean reachable, String detail) {}

  public static Result check(KubernetesClient client, Duration timeout) {
    CompletableFuture<VersionInfo> version = new CompletableFuture<>();
    Thread caller =
        Thread.ofVirtual()
            .name("cluster-probe")
            .start(
                () -> {
                  try {
                    version.complete(client.getKubernetesVersion());
                  } catch (RuntimeException e) {
                    version.completeExceptionally(e);
                  }
                });
    try {
      VersionInfo info = version.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String text =
          info == null || info.getGitVersion() == null ? "unknown version" : info.getGitVersion();
      return new Result(true, text);
    } catch (TimeoutException e) {
      // the caller thread is virtual; interrupting it lets the HTTP call give up early
      caller.interrupt();
      return new Result(
          false, "no answer from " + url(client) + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Result(false, url(client) + ": " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      caller.interrupt();
      return new Result(false, "interrupted while checking " + url(client));
    }
  }

  private static String url(KubernetesClient client) {
    return client.getConfiguration().getMasterUrl();
  }
}
