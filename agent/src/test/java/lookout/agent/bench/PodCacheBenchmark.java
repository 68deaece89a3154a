package lookout.agent.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.MockWebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.cluster.ClusterCache;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.metrics.MetricsService;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.tools.ClusterService;
import lookout.agent.tools.Investigator;

/**
 * Problem pods and offline diagnosis at 10,000 pods: fabric8's mock API server (CRUD mode) holds
 * {@link BenchCluster} — 10,000 pods of 2,500 Deployments in 250 namespaces, 3% of them broken
 * (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending) with their events. The {@code
 * problem_pods} query (all namespaces, and one namespace), a namespace pod read and the offline
 * agent's diagnosis of a Deployment run over the informer caches ({@link ClusterCache}) and over
 * direct lists, side by side in one JVM; prints p50/p95/p99/max per path and the heap the synced
 * caches hold.
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
    long t0 = System.nanoTime();
    try (BenchCluster cluster = BenchCluster.seed(pods, namespaces)) {
      KubernetesClient client = cluster.client;
      System.out.printf(
          Locale.ROOT,
          "seeded %d pods (%d broken) in %d namespaces, %d deployments, in %.1f s%n",
          pods,
          cluster.broken,
          namespaces,
          cluster.brokenDeployments.size() + cluster.healthyDeployments.size(),
          (System.nanoTime() - t0) / 1e9);

      long heapBefore = usedHeap();
      ClusterCache cache = new ClusterCache(client, Duration.ofSeconds(60));
      t0 = System.nanoTime();
      cache.pods().pods("ns-000");
      cache.warnings("ns-000");
      cache.claims("ns-000");
      cache.nodes();
      double syncSeconds = (System.nanoTime() - t0) / 1e9;
      long heapCache = usedHeap() - heapBefore;
      System.out.printf(
          Locale.ROOT,
          "informers: %s in %.1f s; heap held by the caches ≈ %d MB%n",
          cache.state(),
          syncSeconds,
          heapCache >> 20);

      Investigator cached = investigator(new ClusterReader(client, Clock.systemUTC(), cache));
      Investigator direct = investigator(new ClusterReader(client, Clock.systemUTC()));
      ClusterReader cachedReader = new ClusterReader(client, Clock.systemUTC(), cache);
      ClusterReader directReader = new ClusterReader(client, Clock.systemUTC());
      String one = "ns-007";
      check(cached.problems(null), direct.problems(null), "all namespaces");
      check(cached.problems(one), direct.problems(one), one);
      OfflineAgent offlineCached =
          new OfflineAgent(
              "bench", client, new RuleCommandParser(), Analyzers.all(), null, null, null, cache);
      OfflineAgent offlineDirect =
          new OfflineAgent("bench", client, new RuleCommandParser(), Analyzers.all(), null);
      List<ObjectRef> broken = refs(cluster.brokenDeployments);
      List<ObjectRef> healthy = refs(cluster.healthyDeployments);
      System.out.println(
          "a broken deployment: " + offlineCached.diagnoser().diagnose(broken.get(1)).summary());
      System.out.println(
          "a healthy deployment: " + offlineCached.diagnoser().diagnose(healthy.get(1)).summary());

      System.out.println();
      System.out.println(
          "| query | path | p50 ms | p95 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |");
      System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
      run("problem_pods, all namespaces", "informers", rounds, () -> cached.problems(null));
      run("problem_pods, all namespaces", "direct lists", 5, () -> direct.problems(null));
      run("problem_pods, one namespace", "informers", rounds, () -> cached.problems(one));
      run("problem_pods, one namespace", "direct lists", rounds, () -> direct.problems(one));
      run("pods of one namespace", "informers", rounds, () -> cachedReader.pods(one));
      run("pods of one namespace", "direct list", rounds, () -> directReader.pods(one));
      int[] next = {0};
      run(
          "offline diagnosis, broken deployment",
          "informers",
          rounds,
          () -> offlineCached.diagnoser().diagnose(broken.get(next[0]++ % broken.size())));
      run(
          "offline diagnosis, healthy deployment",
          "informers",
          rounds,
          () -> offlineCached.diagnoser().diagnose(healthy.get(next[0]++ % healthy.size())));
      run(
          "offline diagnosis, broken deployment",
          "direct lists",
          Math.max(10, rounds / 4),
          () -> offlineDirect.diagnoser().diagnose(broken.get(next[0]++ % broken.size())));
      System.out.printf(Locale.ROOT, "%nused heap at the end ≈ %d MB%n", usedHeap() >> 20);
      cache.close();
    }
  }

  private static List<ObjectRef> refs(List<String> deployments) {
    return deployments.stream()
        .map(
            d ->
                new ObjectRef(
                    "Deployment", d.substring(0, d.indexOf('/')), d.substring(d.indexOf('/') + 1)))
        .toList();
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

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1)];
  }

  private static void run(int rounds, Supplier<?> call) {
    for (int i = 0; i < Math.max(1, Math.min(10, rounds / 10)); i++) {
      var unused = call.get(); // warm-up
    }
    long[] nanos = new long[rounds];
    long[] cpu = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long c = processCpu();
      long t = System.nanoTime();
      var unused = call.get();
      nanos[i] = System.nanoTime() - t;
      cpu[i] = processCpu() - c;
    }
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "%.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
        nanos[rounds / 2] / 1e6,
        percentile(nanos, 0.95) / 1e6,
        percentile(nanos, 0.99) / 1e6,
        nanos[rounds - 1] / 1e6,
        cpu[rounds / 2] / 1e6,
        percentile(cpu, 0.99) / 1e6);
  }

  /**
   * CPU time of the whole process (every thread, GC included): on a shared machine wall time
   * measures the neighbours too, CPU time what the call costs. With direct lists it includes the
   * mock API server's own work.
   */
  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
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
