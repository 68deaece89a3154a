package lookout.bot.bench;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator that is cheap enough not to be the bottleneck: one Vert.x event loop,
 * {@value #CONNECTIONS} keep-alive HTTP/1.1 connections, requests sent at fixed intended times by
 * one scheduling thread whatever the server does. Latency runs from each request's intended send
 * time to the end of its response, so time spent waiting for a free connection or behind a slow
 * response counts (no coordinated omission).
 */
final class OpenLoopLoad implements AutoCloseable {
  static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);

  /** One prepared request. */
  record Signed(MultiMap headers, Buffer body) {}

  /** What one run measured: sorted latencies in ns, failures, wall time in ns. */
  record Result(long[] latencies, long errors, long elapsedNanos, String firstError) {}

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClientAgent client;
  private final Context context = vertx.getOrCreateContext();

  OpenLoopLoad(int port) {
    client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
  }

  Result run(List<Signed> requests, int rate) throws InterruptedException {
    int n = requests.size();
    long[] latency = new long[n];
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(n);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int k = i;
      context.runOnContext(
          v ->
              client
                  .request(
                      new RequestOptions()
                          .setMethod(HttpMethod.POST)
                          .setURI("/slack/events")
                          .setHeaders(requests.get(k).headers()))
                  .compose(req -> req.send(requests.get(k).body()))
                  .compose(resp -> resp.body().map(b -> resp.statusCode()))
                  .onComplete(
                      ar -> {
                        latency[k] = System.nanoTime() - due;
                        if (ar.failed() || ar.result() != 200) {
                          errors.incrementAndGet();
                          firstError.compareAndSet(
                              null, ar.failed() ? ar.cause().toString() : "HTTP " + ar.result());
                        }
                        done.countDown();
                      }));
    }
    if (!done.await(n / Math.max(rate, 1) + 60L, TimeUnit.SECONDS)) {
      throw new IllegalStateException(done.getCount() + " requests never finished");
    }
    long elapsed = System.nanoTime() - start;
    java.util.Arrays.sort(latency);
    return new Result(latency, errors.get(), elapsed, firstError.get());
  }

  @Override
  public void close() {
    client.close().await();
    vertx.close().await();
  }
}
