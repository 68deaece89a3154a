package lookout.knowledge.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import lookout.knowledge.incidents.Incident;

/** Plausible incidents from templates, seeded so every run indexes the same documents. */
final class SyntheticIncidents {
  private static final String[] ALERTS = {
    "KubePodCrashLooping", "KubePodNotReady", "KubeNodeNotReady", "KubeDeploymentReplicasMismatch",
    "KubePersistentVolumeFillingUp", "CPUThrottlingHigh", "KubeHpaMaxedOut", "KubeJobFailed",
    "NodeFilesystemAlmostOutOfSpace", "KubeContainerWaiting", "etcdNoLeader", "TargetDown",
    "PrometheusRemoteWriteBehind", "AlertmanagerFailedToSendAlerts", "KubeletTooManyPods"
  };
  private static final String[] SERVICES = {
    "checkout",
    "cart",
    "orders",
    "payments",
    "search",
    "frontend",
    "ledger",
    "inventory",
    "shipping",
    "auth",
    "notifications",
    "recommendations",
    "订单服务",
    "支付服务",
    "库存服务"
  };
  private static final String[] NAMESPACES = {"prod", "staging", "dev", "shop", "data", "infra"};
  private static final String[] CLUSTERS = {"prod-eu-1", "prod-us-2", "staging-eu-1", "dev"};
  private static final String[] CAUSES = {
    "memory limit too low after the release",
    "a bad config map rolled out",
    "the database connection pool was exhausted",
    "a node ran out of disk space",
    "the image tag did not exist in the registry",
    "DNS lookups timed out",
    "certificate expired on the ingress",
    "a noisy neighbour throttled the CPU",
    "the readiness probe path changed",
    "kafka consumer lag grew for hours",
    "数据库连接池耗尽",
    "内存限制太低导致 OOMKilled",
    "配置错误导致服务反复重启"
  };
  private static final String[] FIXES = {
    "rolled back the deployment",
    "raised the memory limit to 1Gi",
    "scaled the node pool",
    "cleaned up old images on the node",
    "renewed the certificate",
    "fixed the config map",
    "restarted the stuck consumer",
    "added a PodDisruptionBudget",
    "回滚了版本",
    "扩容了节点"
  };

  private SyntheticIncidents() {}

  static List<Incident> generate(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    List<Incident> incidents = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String alert = pick(r, ALERTS);
      String service = pick(r, SERVICES);
      String ns = pick(r, NAMESPACES);
      String cause = pick(r, CAUSES);
      Instant at = start.plus(Duration.ofMinutes(r.nextLong(60L * 24 * 700)));
      List<String> timeline =
          List.of(
              "alert " + alert + " fired for " + ns + "/" + service,
              "on-call acknowledged; pods of " + service + " show " + pick(r, CAUSES),
              "found that " + cause,
              pick(r, FIXES) + ", alert resolved");
      incidents.add(
          new Incident(
              "SYN-" + i,
              service + " " + alert + " in " + ns,
              alert,
              Map.of("namespace", ns, "service", service, "cluster", pick(r, CLUSTERS)),
              at,
              at.plus(Duration.ofMinutes(5 + r.nextInt(240))),
              timeline,
              "Root cause: " + cause + ". Impact on " + service + " users for a while.",
              pick(r, FIXES),
              "user" + r.nextInt(40),
              "https://chat.example/t/SYN-" + i));
    }
    return incidents;
  }

  private static String pick(SplittableRandom r, String[] values) {
    return values[r.nextInt(values.length)];
  }
}
