package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of object held by a fabric8 informer (one list, then a watch), indexed by namespace and
 * by any extra index. The informer starts on the first read, which waits at most {@code syncWait}
 * for the initial list. Reads answer empty — the caller then reads directly — until it has synced,
 * while its watch is down, and when it cannot start (RBAC allows no cluster-wide list/watch); a
 * failed start is retried after {@link #RETRY_AFTER}.
 *
 * <p>Objects handed out are the cache's own: read them, never change them.
 */
final class Informed<T extends HasMetadata> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Informed.class);

  static final Duration RETRY_AFTER = Duration.ofMinutes(5);

  private final String what;
  private final Supplier<SharedIndexInformer<T>> create;
  private final Map<String, Function<T, List<String>>> indexers;
  private final Duration syncWait;
  private SharedIndexInformer<T> informer; // guarded by this
  private CompletableFuture<Void> started; // guarded by this
  private Long retryAtNanos; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param what "pods", "warning events": named in log lines
   * @param create builds the (not yet started) informer
   * @param indexers extra indexes by name, added before the informer starts
   */
  Informed(
      String what,
      Supplier<SharedIndexInformer<T>> create,
      Map<String, Function<T, List<String>>> indexers,
      Duration syncWait) {
    this.what = Objects.requireNonNull(what, "what");
    this.create = Objects.requireNonNull(create, "create");
    this.indexers = Map.copyOf(indexers);
    this.syncWait = Objects.requireNonNull(syncWait, "syncWait");
  }

  /** The objects of one namespace, or empty when the cache cannot answer now. */
  Optional<List<T>> inNamespace(String namespace) {
    return byIndex(Cache.NAMESPACE_INDEX, namespace);
  }

  /** The objects an index maps {@code key} to, or empty when the cache cannot answer now. */
  Optional<List<T>> byIndex(String index, String key) {
    SharedIndexInformer<T> inf = informer();
    return inf != null && ready(inf)
        ? Optional.of(inf.getIndexer().byIndex(index, key))
        : Optional.empty();
  }

  /** Every object, or empty when the cache cannot answer now. */
  Optional<List<T>> all() {
    SharedIndexInformer<T> inf = informer();
    return inf != null && ready(inf) ? Optional.of(inf.getIndexer().list()) : Optional.empty();
  }

  /** True when reads are answered from the cache right now. */
  synchronized boolean synced() {
    return informer != null && ready(informer);
  }

  private static boolean ready(SharedIndexInformer<?> inf) {
    return inf.isRunning() && inf.hasSynced() && inf.isWatching();
  }

  private synchronized SharedIndexInformer<T> informer() {
    if (informer != null && started.isCompletedExceptionally()) {
      failed(started.exceptionNow());
    }
    if (informer != null
        || closed
        || retryAtNanos != null && System.nanoTime() - retryAtNanos < 0) {
      return informer;
    }
    informer = create.get();
    if (!indexers.isEmpty()) {
      informer.addIndexers(indexers);
    }
    started = informer.start().toCompletableFuture();
    try {
      started.get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("{} cache not synced after {}; reading directly until it is", what, syncWait);
    } catch (ExecutionException e) {
      failed(e.getCause() == null ? e : e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return informer;
  }

  private void failed(Throwable cause) {
    LOG.warn(
        "while starting the {} informer (all namespaces): {}; reading directly, retry in {}",
        what,
        cause.getMessage(),
        RETRY_AFTER);
    informer.close();
    informer = null;
    retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
  }

  /** Stops the informer; later reads answer empty. */
  @Override
  public synchronized void close() {
    closed = true;
    if (informer != null) {
      informer.close();
      informer = null;
    }
  }
}
