package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every pod of the cluster in a fabric8 informer cache (one paged list, then a watch), indexed by
 * namespace, so namespace-wide pod reads — the problem-pods scan above all — cost an index lookup
 * instead of an API list of thousands of pods. The informer starts on the first read, which waits
 * at most {@code syncWait} for the initial list. Until it has synced, while its watch is down, and
 * when it cannot start (e.g. RBAC allows no cluster-wide list/watch of pods) reads fall back to a
 * direct list, paged and capped; a failed start is retried after {@link #RETRY_AFTER}.
 *
 * <p>Pods handed out are the cache's own objects: read them, never change them.
 */
public final class PodCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodCache.class);

  /** Page size of direct lists and of the informer's initial list. */
  public static final long PAGE = 500;

  /** Most pods a direct list of one namespace returns; a cut list is logged. */
  public static final int MAX_LISTED = 5_000;

  static final Duration RETRY_AFTER = Duration.ofMinutes(5);

  private final KubernetesClient client;
  private final Duration syncWait;
  private SharedIndexInformer<Pod> informer; // guarded by this
  private CompletableFuture<Void> started; // guarded by this
  private Long retryAtNanos; // guarded by this; when a failed start may be tried again
  private boolean closed; // guarded by this

  public PodCache(KubernetesClient client, Duration syncWait) {
    this.client = Objects.requireNonNull(client, "client");
    this.syncWait = Objects.requireNonNull(syncWait, "syncWait");
  }

  /** The pods of one namespace, in no particular order. */
  public List<Pod> pods(String namespace) {
    SharedIndexInformer<Pod> inf = informer();
    if (inf != null && ready(inf)) {
      return inf.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    }
    return list(client, namespace, MAX_LISTED);
  }

  /** True when reads are answered from the cache right now. */
  public synchronized boolean synced() {
    return informer != null && ready(informer);
  }

  /**
   * Pods of a namespace straight from the API server, {@value #PAGE} per request, at most {@code
   * cap}.
   */
  public static List<Pod> list(KubernetesClient client, String namespace, int cap) {
    List<Pod> out = new ArrayList<>();
    String next = null;
    do {
      PodList page =
          client
              .pods()
              .inNamespace(namespace)
              .list(new ListOptionsBuilder().withLimit(PAGE).withContinue(next).build());
      for (Pod pod : page.getItems()) {
        if (out.size() >= cap) {
          LOG.warn("pods of namespace {} cut at {}; narrow by workload", namespace, cap);
          return out;
        }
        out.add(pod);
      }
      next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
    } while (next != null && !next.isEmpty());
    return out;
  }

  private static boolean ready(SharedIndexInformer<Pod> inf) {
    return inf.isRunning() && inf.hasSynced() && inf.isWatching();
  }

  private synchronized SharedIndexInformer<Pod> informer() {
    if (informer != null && started.isCompletedExceptionally()) {
      failed(started.exceptionNow());
    }
    if (informer != null
        || closed
        || retryAtNanos != null && System.nanoTime() - retryAtNanos < 0) {
      return informer;
    }
    informer = client.pods().inAnyNamespace().withLimit(PAGE).runnableInformer(0);
    started = informer.start().toCompletableFuture();
    try {
      started.get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("pod cache not synced after {}; listing directly until it is", syncWait);
    } catch (ExecutionException e) {
      failed(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return informer;
  }

  private void failed(Throwable cause) {
    LOG.warn(
        "while starting the pod informer (all namespaces): {}; listing directly, retry in {}",
        cause.getMessage(),
        RETRY_AFTER);
    informer.close();
    informer = null;
    retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
  }

  /** Stops the informer; later reads list directly. */
  @Override
  public synchronized void close() {
    closed = true;
    if (informer != null) {
      informer.close();
      informer = null;
    }
  }
}
