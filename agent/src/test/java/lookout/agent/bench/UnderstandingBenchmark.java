package lookout.agent.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Reading;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.resolve.Inventory;
import lookout.agent.resolve.InventoryReader;
import lookout.agent.resolve.Resolver;

/**
 * Understanding at scale. (1) Reading and resolving a question — the grammar's one reading plus
 * finding the names it mentions — against an inventory of 7,750 named objects and 10,000 pods in
 * 250 namespaces, for 24 phrasings (English, Chinese, mixed, typos, spaced names, pod names, no
 * name). (2) Listing the names from fabric8's mock API server (CRUD mode) holding the 7,750
 * objects: a fresh read of every kind, and a read within the reuse window.
 *
 * <p>Run: {@code ./mvnw -q -pl agent -am install -DskipTests && ./mvnw -pl agent -Pbench-understand
 * verify} (arguments: rounds).
 */
public final class UnderstandingBenchmark {
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());
  private static final String[] TEAMS = {
    "shop", "pay", "user", "search", "ads", "data", "infra", "risk"
  };
  private static final String[] SERVICES = {
    "frontend",
    "payment-api",
    "order-service",
    "reviews",
    "cart",
    "checkout",
    "inventory",
    "gateway",
    "notification-worker",
    "user-profile"
  };
  private static final List<String> QUESTIONS =
      List.of(
          "why is payment api failing in shop-12",
          "paymnet-api in shop-12 is down",
          "shop-12 下的 reviews 访问不了",
          "user-profile 之前重启过，现在正常吗？",
          "did the db-backup job in data-7 work?",
          "why were notification-worker pods evicted in user-40?",
          "frontend in ads-33 is not starting, what's wrong?",
          "shop-12 的 order-service 为什么一直重启",
          "why is checkout failing?",
          "what's broken?",
          "集群有什么问题吗",
          "anything wrong in pay-101?",
          "logs of frontend-7d9f8c6b5d-x2k4p",
          "why is frontend-7d9f8c6b5d-zzzzz crashing in shop-12",
          "is node worker-7 ok?",
          "worker-7 节点怎么了",
          "restart checkout in shop-12",
          "把 shop-12 的 frontend 扩到 3 个",
          "why is payments-gateway failing in shop-12?",
          "订单服务挂了",
          "status of cart in infra-88",
          "inventory -n risk-99 keeps crashing",
          "svc gateway in search-3 has no endpoints",
          "grafana 打不开");

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Inventory inventory = inventory();
    System.out.printf(
        Locale.ROOT,
        "inventory: %d objects (%d pods) in %d namespaces%n",
        inventory.entries().size(),
        inventory.entries().stream().filter(e -> e.ref().kind().equals("Pod")).count(),
        inventory.namespaces().size());
    RuleCommandParser parser = new RuleCommandParser();
    Resolver resolver = new Resolver();
    long[] times = new long[rounds * QUESTIONS.size()];
    long[] cpu = new long[times.length];
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 2; warm++) {
      int i = 0;
      for (int r = 0; r < rounds; r++) {
        for (String q : QUESTIONS) {
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          Reading reading = parser.read(q);
          resolver.resolve(inventory, reading.clues(), null, null);
          times[i] = System.nanoTime() - t0;
          cpu[i++] = threads.getCurrentThreadCpuTime() - c0;
        }
      }
    }
    report("read + resolve one question (in memory), wall", times);
    report("read + resolve one question (in memory), CPU", cpu);

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
      int seeded = seed(client);
      System.out.printf(
          Locale.ROOT, "seeded %d objects in %.1f s%n", seeded, (System.nanoTime() - t0) / 1e9);
      InventoryReader reader = new InventoryReader(client, Clock.systemUTC());
      int reads = Math.max(10, rounds / 10);
      long[] fresh = new long[reads];
      long[] reused = new long[reads];
      for (int warm = 0; warm < 2; warm++) {
        for (int i = 0; i < reads; i++) {
          long a = System.nanoTime();
          reader.read("why is payment api failing in shop-12", Duration.ZERO);
          fresh[i] = System.nanoTime() - a;
          long b = System.nanoTime();
          reader.read("why is payment api failing in shop-12", InventoryReader.REUSE);
          reused[i] = System.nanoTime() - b;
        }
      }
      report("list every kind (fresh)", fresh);
      report("names within the reuse window", reused);
    } finally {
      server.shutdown();
    }
  }

  private static Inventory inventory() {
    List<Inventory.Entry> entries = new ArrayList<>();
    List<String> namespaces = new ArrayList<>();
    Random random = new Random(7);
    for (int n = 0; n < 250; n++) {
      String ns = TEAMS[n % TEAMS.length] + "-" + n;
      namespaces.add(ns);
      entries.add(entry("Namespace", null, ns));
      for (String s : SERVICES) {
        entries.add(entry("Deployment", ns, s));
        entries.add(entry("Service", ns, s));
        for (int p = 0; p < 4; p++) {
          entries.add(entry("Pod", ns, s + "-7d9f8c6b5d-" + suffix(random)));
        }
      }
      entries.add(entry("StatefulSet", ns, "mysql"));
      entries.add(entry("PersistentVolumeClaim", ns, "data-mysql-0"));
      entries.add(entry("CronJob", ns, "db-backup"));
      entries.add(entry("Job", ns, "db-backup-2893456" + (n % 10)));
      entries.add(entry("HorizontalPodAutoscaler", ns, "frontend"));
      entries.add(entry("Ingress", ns, ns + "-web"));
    }
    for (int w = 0; w < 20; w++) {
      entries.add(entry("Node", null, "worker-" + w));
    }
    entries.add(entry("Deployment", "monitoring", "kube-prometheus-stack-grafana"));
    namespaces.add("monitoring");
    return new Inventory(
        entries, namespaces.stream().sorted().toList(), List.of(), Map.of(), Instant.now());
  }

  private static Inventory.Entry entry(String kind, String ns, String name) {
    return new Inventory.Entry(new ObjectRef(kind, ns, name), null);
  }

  private static String suffix(Random random) {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static int seed(KubernetesClient client) throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (int n = 0; n < 250; n++) {
      String ns = TEAMS[n % TEAMS.length] + "-" + n;
      objects.add(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build());
      for (String s : SERVICES) {
        objects.add(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(s)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .addToMatchLabels("app", s)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", s)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(s)
                .withImage("registry.example.com/" + s + ":1.0")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(2)
                .withReadyReplicas(2)
                .endStatus()
                .build());
        objects.add(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(s)
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", s)
                .endSpec()
                .build());
      }
      objects.add(
          new CronJobBuilder()
              .withNewMetadata()
              .withName("db-backup")
              .withNamespace(ns)
              .endMetadata()
              .withNewSpec()
              .withSchedule("0 2 * * *")
              .endSpec()
              .build());
    }
    Semaphore inFlight = new Semaphore(16);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (HasMetadata o : objects) {
        inFlight.acquire();
        threads.execute(
            () -> {
              try {
                client.resource(o).create();
              } finally {
                inFlight.release();
              }
            });
      }
    }
    return objects.size();
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-45s n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        sorted.length,
        at(sorted, 0.50),
        at(sorted, 0.95),
        at(sorted, 0.99),
        sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
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
}
