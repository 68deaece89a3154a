package lookout.agent.bench;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.PodCache;
import lookout.agent.cluster.PodText;
import lookout.agent.metrics.MetricsService;
import lookout.agent.tools.ClusterService;
import lookout.agent.tools.Investigator;

/**
 * Problem pods at 10,000 pods: fabric8's mock API server (CRUD mode) holds 10,000 pods in 250
 * namespaces, 3% of them broken (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending). The
 * {@code problem_pods} query (all namespaces, and one namespace) and a plain namespace pod read run
 * over the informer cache and over direct paged lists, side by side in one JVM; prints p50/p99/max
 * per path and the heap the synced cache holds.
 *
 * <p>Run: {@code ./mvnw -q -pl agent -am install -DskipTests && ./mvnw -pl agent -Pbench-pods
 * verify} (arguments: pods, namespaces, rounds).
 */
public final class PodCacheBenchmark {
  // held so the level set below is not lost when the logger is garbage-collected
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  public static void main(String[] args) throws Exception {
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int namespaces = args.length > 1 ? Integer.parseInt(args[1]) : 250;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    SERVER_LOG.setLevel(Level.WARNING);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = client(server.getPort())) {
      long t0 = System.nanoTime();
      int broken = seed(client, pods, namespaces);
      System.out.printf(
          Locale.ROOT,
          "seeded %d pods (%d broken) in %d namespaces in %.1f s%n",
          pods,
          broken,
          namespaces,
          (System.nanoTime() - t0) / 1e9);

      long heapBefore = usedHeap();
      PodCache cache = new PodCache(client, Duration.ofSeconds(60));
      t0 = System.nanoTime();
      cache.pods("ns-000");
      double syncSeconds = (System.nanoTime() - t0) / 1e9;
      long heapCache = usedHeap() - heapBefore;
      System.out.printf(
          Locale.ROOT,
          "informer synced=%s in %.1f s; heap held by the cache ≈ %d MB%n",
          cache.synced(),
          syncSeconds,
          heapCache >> 20);

      Investigator cached = investigator(new ClusterReader(client, Clock.systemUTC(), cache));
      Investigator direct = investigator(new ClusterReader(client, Clock.systemUTC()));
      ClusterReader cachedReader = new ClusterReader(client, Clock.systemUTC(), cache);
      ClusterReader directReader = new ClusterReader(client, Clock.systemUTC());
      String one = "ns-007";
      check(cached.problems(null), direct.problems(null), "all namespaces");
      check(cached.problems(one), direct.problems(one), one);

      System.out.println();
      System.out.println("| query | path | p50 ms | p99 ms | max ms |");
      System.out.println("|---|---|---:|---:|---:|");
      run("problem_pods, all namespaces", "informer", rounds, () -> cached.problems(null));
      run("problem_pods, all namespaces", "direct list", rounds, () -> direct.problems(null));
      run("problem_pods, one namespace", "informer", rounds, () -> cached.problems(one));
      run("problem_pods, one namespace", "direct list", rounds, () -> direct.problems(one));
      run("pods of one namespace", "informer", rounds, () -> cachedReader.pods(one));
      run("pods of one namespace", "direct list", rounds, () -> directReader.pods(one));
      // the pod part alone: every problem pod of the cluster, from the index vs one list
      List<String> all =
          java.util.stream.IntStream.range(0, namespaces).mapToObj(n -> ns(n)).toList();
      Supplier<Long> fromCache =
          () ->
              all.stream()
                  .flatMap(n -> cache.pods(n).stream())
                  .filter(p -> PodText.problem(p, Instant.now()))
                  .count();
      Supplier<Long> fromList =
          () ->
              client
                  .pods()
                  .inAnyNamespace()
                  .list(new ListOptionsBuilder().withLimit(PodCache.PAGE).build())
                  .getItems()
                  .stream()
                  .filter(p -> PodText.problem(p, Instant.now()))
                  .count();
      System.out.printf(
          Locale.ROOT,
          "| problem pods only, every namespace (%d found) | informer | ",
          fromCache.get());
      run(rounds, fromCache);
      System.out.printf(
          Locale.ROOT,
          "| problem pods only, every namespace (%d found) | one list of all pods | ",
          fromList.get());
      run(Math.max(10, rounds / 5), fromList);
      System.out.printf(Locale.ROOT, "%nused heap at the end ≈ %d MB%n", usedHeap() >> 20);
      cache.close();
    } finally {
      server.destroy();
    }
  }

  private static Investigator investigator(ClusterReader reader) {
    return new Investigator(
        new ClusterService("bench", reader),
        new MetricsService(null, Clock.systemUTC()),
        Analyzers.all());
  }

  private static void check(String cached, String direct, String what) {
    if (!cached.equals(direct)) {
      throw new IllegalStateException(
          "cache and direct list disagree for " + what + ":\n" + cached + "\n---\n" + direct);
    }
    System.out.printf(
        Locale.ROOT, "%s: identical answers, %d finding lines%n", what, cached.lines().count());
  }

  private static void run(String query, String path, int rounds, Supplier<?> call) {
    System.out.printf(Locale.ROOT, "| %s | %s | ", query, path);
    run(rounds, call);
  }

  private static void run(int rounds, Supplier<?> call) {
    for (int i = 0; i < Math.max(5, rounds / 10); i++) {
      var unused = call.get(); // warm-up
    }
    long[] nanos = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      var unused = call.get();
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%.1f | %.1f | %.1f |%n",
        nanos[rounds / 2] / 1e6,
        nanos[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1e6,
        nanos[rounds - 1] / 1e6);
  }

  /** Creates the pods, every 33rd broken; returns how many are broken. */
  private static int seed(KubernetesClient client, int pods, int namespaces) throws Exception {
    for (int n = 0; n < namespaces; n++) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns(n)).endMetadata().build())
          .create();
    }
    for (int n = 0; n < 3; n++) {
      client
          .nodes()
          .resource(new NodeBuilder().withNewMetadata().withName("node-" + n).endMetadata().build())
          .create();
    }
    Instant now = Instant.now();
    Semaphore inFlight = new Semaphore(16);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    int broken = 0;
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < pods; i++) {
        int kind = i % 33 == 0 ? 1 + (i / 33) % 4 : 0;
        broken += kind == 0 ? 0 : 1;
        Pod pod = pod(ns(i % namespaces), "app-" + i, kind, now);
        inFlight.acquire();
        done.add(
            pool.submit(
                () -> {
                  try {
                    client.resource(pod).create();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    for (var f : done) {
      f.get();
    }
    return broken;
  }

  private static String ns(int n) {
    return String.format(Locale.ROOT, "ns-%03d", n);
  }

  /** kind 0 healthy, 1 CrashLoopBackOff, 2 ImagePullBackOff, 3 OOMKilled, 4 Pending. */
  private static Pod pod(String namespace, String name, int kind, Instant now) {
    String started = now.minus(Duration.ofHours(2)).toString();
    ContainerStatusBuilder cs =
        new ContainerStatusBuilder()
            .withName("app")
            .withImage("shop/app:1")
            .withReady(kind == 0)
            .withRestartCount(kind == 1 || kind == 3 ? 14 : 0);
    switch (kind) {
      case 1 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("CrashLoopBackOff")
              .endWaiting()
              .endState()
              .withNewLastState()
              .withNewTerminated()
              .withExitCode(1)
              .withReason("Error")
              .withFinishedAt(now.minus(Duration.ofMinutes(2)).toString())
              .endTerminated()
              .endLastState();
      case 2 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("ImagePullBackOff")
              .withMessage("Back-off pulling image \"shop/app:typo\"")
              .endWaiting()
              .endState();
      case 3 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("CrashLoopBackOff")
              .endWaiting()
              .endState()
              .withNewLastState()
              .withNewTerminated()
              .withExitCode(137)
              .withReason("OOMKilled")
              .withFinishedAt(now.minus(Duration.ofMinutes(1)).toString())
              .endTerminated()
              .endLastState();
      default -> cs.withNewState().withNewRunning().withStartedAt(started).endRunning().endState();
    }
    List<ContainerStatus> statuses = kind == 4 ? List.of() : List.of(cs.build());
    PodStatus status =
        kind == 4
            ? new PodStatusBuilder()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient memory.")
                .endCondition()
                .build()
            : new PodStatusBuilder()
                .withPhase("Running")
                .withStartTime(started)
                .withContainerStatuses(statuses)
                .build();
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withCreationTimestamp(started)
        .addToLabels("app", name.substring(0, name.lastIndexOf('-')))
        .endMetadata()
        .withNewSpec()
        .withNodeName(kind == 4 ? null : "node-" + (name.hashCode() & 1))
        .addNewContainer()
        .withName("app")
        .withImage(kind == 2 ? "shop/app:typo" : "shop/app:1")
        .withNewResources()
        .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("256Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .withStatus(status)
        .build();
  }

  private static KubernetesClient client(int port) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + port + "/")
            .withRequestTimeout(60_000)
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
