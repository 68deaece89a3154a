package lookout.agent.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.analyzers.Finding;
import lookout.agent.charts.TimeChart;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.grammar.CheckupRequest;
import lookout.agent.inspect.UsageChecks;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Right-sizing, forecasts and check-up usage findings against the real Prometheus holding 7.5 days
 * of backfilled history for a namespace "shop": a workload leaking memory, an over-provisioned one,
 * an under-provisioned one and a volume filling up.
 */
class CapacityPrometheusTest {
  static final double MI = 1024.0 * 1024;
  static final double GI = 1024 * MI;
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);
  static final Instant START = NOW.minus(Duration.ofHours(180));

  @TempDir static Path dir;
  static BackfilledPrometheus prometheus;
  static SandboxCluster cluster;
  static CapacityAnswers answers;
  static CapacityChecks checks;
  static UsageReader reader;

  @BeforeAll
  static void start() throws Exception {
    List<BackfilledPrometheus.Spec> specs = new ArrayList<>();
    // leaky: 300Mi + 80Mi/day → reaches its 1Gi limit 9.05 days after START.
    specs.add(memory("leaky-7d9f8c6b5-aaaaa", h -> 300 * MI + h * (80 * MI / 24)));
    specs.add(cpu("leaky-7d9f8c6b5-aaaaa", 0.2));
    for (String pod :
        List.of("idle-5c8f7d9b4-aaaaa", "idle-5c8f7d9b4-bbbbb", "idle-5c8f7d9b4-ccccc")) {
      specs.add(memory(pod, h -> 600 * MI + 20 * MI * Math.sin(h)));
      specs.add(cpu(pod, 0.1));
    }
    specs.add(memory("busy-6b7c8d9f5-aaaaa", h -> 470 * MI + 10 * MI * Math.sin(h)));
    specs.add(cpu("busy-6b7c8d9f5-aaaaa", 0.6));
    // data-db-0: 5Gi + 0.5Gi/day of 10Gi → full 10 days after START.
    specs.add(
        new BackfilledPrometheus.Spec(
            "kubelet_volume_stats_used_bytes",
            "gauge",
            "namespace=\"shop\",persistentvolumeclaim=\"data-db-0\"",
            h -> 5 * GI + h * (0.5 * GI / 24)));
    specs.add(
        new BackfilledPrometheus.Spec(
            "kubelet_volume_stats_capacity_bytes",
            "gauge",
            "namespace=\"shop\",persistentvolumeclaim=\"data-db-0\"",
            h -> 10 * GI));
    prometheus = BackfilledPrometheus.start(dir, specs, START, NOW, Duration.ofMinutes(2));

    cluster = SandboxCluster.start();
    KubernetesClient k = cluster.client();
    k.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    deploy(
        k,
        "leaky",
        "eclipse-temurin:21-jre",
        "payments",
        1,
        "250m",
        null,
        "512Mi",
        "1Gi",
        List.of("leaky-7d9f8c6b5-aaaaa"));
    deploy(
        k,
        "idle",
        "python:3.12-slim",
        "search",
        3,
        "2",
        "4",
        "4Gi",
        "4Gi",
        List.of("idle-5c8f7d9b4-aaaaa", "idle-5c8f7d9b4-bbbbb", "idle-5c8f7d9b4-ccccc"));
    deploy(
        k,
        "busy",
        "golang:1.23",
        "payments",
        1,
        "250m",
        "1",
        "256Mi",
        "512Mi",
        List.of("busy-6b7c8d9f5-aaaaa"));

    Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
    reader = new UsageReader(new ClusterReader(k), prometheus.client, clock);
    Forecasts forecasts = new Forecasts(prometheus.client, clock);
    answers = new CapacityAnswers("sandbox", reader, forecasts, ZoneId.of("Asia/Shanghai"), clock);
    checks = new CapacityChecks(reader, forecasts, clock);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void right_sizing_finds_the_over_and_the_under_provisioned_workload() {
    Map<String, Sizing> byName = new java.util.HashMap<>();
    reader.usage("shop").forEach(u -> byName.put(u.name(), Sizing.of(u)));

    Sizing idle = byName.get("idle");
    assertThat(idle.verdict()).isEqualTo(Sizing.Verdict.OVER);
    assertThat(idle.usage().stack()).isEqualTo(Stack.PYTHON);
    assertThat(idle.suggestedCpuRequest()).isBetween(0.1, 0.15);
    assertThat(idle.freeCpu()).as("3 replicas × (2 - ~0.12)").isBetween(5.5, 5.8);
    assertThat(idle.suggestedMemoryRequest() / MI).isBetween(700.0, 740.0);

    Sizing busy = byName.get("busy");
    assertThat(busy.verdict()).isEqualTo(Sizing.Verdict.UNDER);
    assertThat(busy.reasons())
        .contains("CPU p95 above the request", "memory peak above 90% of the limit");
    assertThat(busy.suggestedCpuRequest()).isBetween(0.7, 0.75);

    // The leak outgrew its 512Mi request long ago: under-provisioned too.
    assertThat(byName.get("leaky").verdict()).isEqualTo(Sizing.Verdict.UNDER);
    assertThat(byName.get("leaky").reasons()).containsExactly("memory peak above the request");
    assertThat(byName.get("leaky").usage().stack()).isEqualTo(Stack.JAVA);

    Answer answer = answers.answer(CheckupRequest.Kind.RESOURCES, "shop", Locale.ENGLISH);
    assertThat(answer.summary()).contains("1 over-provisioned", "2 under-provisioned");
    assertThat(answer.sections())
        .anyMatch(
            s ->
                s.heading().equals("By stack")
                    && s.lines().stream().anyMatch(l -> l.startsWith("Python: 1 over")));
    assertThat(answer.charts()).hasSize(1);
  }

  @Test
  void forecasts_date_the_leak_and_the_full_volume_within_hours() {
    Answer answer = answers.answer(CheckupRequest.Kind.FORECAST, "shop", Locale.ENGLISH);

    Instant leakFull = START.plus(Duration.ofMinutes((long) ((1024 - 300) / 80.0 * 24 * 60)));
    Instant volumeFull = START.plus(Duration.ofDays(10));
    List<Outlook> memory =
        new Forecasts(prometheus.client, Clock.fixed(NOW, ZoneId.of("UTC")))
            .memory(reader.usage("shop"));
    Outlook leaky =
        memory.stream().filter(o -> o.subject().equals("shop/leaky")).findFirst().orElseThrow();
    assertThat(leaky.confidence()).isEqualTo(Trend.Confidence.HIGH);
    assertThat(Duration.between(leakFull, leaky.when().orElseThrow()).abs())
        .isLessThan(Duration.ofHours(6));
    assertThat(
            memory.stream()
                .filter(o -> o.subject().equals("shop/idle"))
                .findFirst()
                .orElseThrow()
                .when())
        .isEmpty();

    Outlook volume =
        new Forecasts(prometheus.client, Clock.fixed(NOW, ZoneId.of("UTC")))
            .volumes("shop")
            .getFirst();
    assertThat(Duration.between(volumeFull, volume.when().orElseThrow()).abs())
        .isLessThan(Duration.ofHours(6));

    assertThat(answer.summary()).contains("2 things run out within 30 days", "first shop/leaky");
    assertThat(answer.charts())
        .hasSize(2)
        .allMatch(c -> c instanceof TimeChart t && t.limit().isPresent());
  }

  @Test
  void a_check_up_flags_the_workload_near_its_limit_and_lists_top_consumers() {
    UsageChecks.Result r = checks.check("shop");

    assertThat(r.findings()).extracting(Finding::analyzer).contains("NearMemoryLimit");
    assertThat(r.findings())
        .filteredOn(f -> f.analyzer().equals("NearMemoryLimit"))
        .extracting(Finding::subject)
        .containsExactly("deployment shop/busy");
    assertThat(r.lines()).anyMatch(l -> l.startsWith("top memory: shop/leaky"));
    assertThat(r.lines()).anyMatch(l -> l.startsWith("top CPU: shop/busy"));
  }

  @Test
  void top_memory_ranks_by_current_use_with_limits() {
    Answer answer = answers.answer(CheckupRequest.Kind.TOP_MEMORY, "shop", Locale.ENGLISH);
    assertThat(answer.sections().getFirst().lines().getFirst())
        .startsWith("1. shop/leaky")
        .contains("of limit 1Gi");
    assertThat(answer.charts()).hasSize(1);
  }

  static BackfilledPrometheus.Spec memory(String pod, java.util.function.DoubleUnaryOperator v) {
    return new BackfilledPrometheus.Spec(
        "container_memory_working_set_bytes",
        "gauge",
        "namespace=\"shop\",pod=\"" + pod + "\",container=\"app\"",
        v);
  }

  /** A CPU counter growing at {@code cores} (± 10%), so rate() gives the usage back. */
  static BackfilledPrometheus.Spec cpu(String pod, double cores) {
    return new BackfilledPrometheus.Spec(
        "container_cpu_usage_seconds",
        "counter",
        "namespace=\"shop\",pod=\"" + pod + "\",container=\"app\"",
        h -> cores * h * 3600 + 0.1 * cores * 3600 * Math.sin(h) / 6);
  }

  static void deploy(
      KubernetesClient k,
      String name,
      String image,
      String team,
      int replicas,
      String cpuReq,
      String cpuLim,
      String memReq,
      String memLim,
      List<String> pods) {
    k.apps()
        .deployments()
        .inNamespace("shop")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .withNewStatus()
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .endStatus()
                .build())
        .create();
    for (String pod : pods) {
      var resources =
          new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder()
              .addToRequests("cpu", new Quantity(cpuReq))
              .addToRequests("memory", new Quantity(memReq))
              .addToLimits("memory", new Quantity(memLim));
      if (cpuLim != null) {
        resources.addToLimits("cpu", new Quantity(cpuLim));
      }
      k.pods()
          .inNamespace("shop")
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withNamespace("shop")
                  .withName(pod)
                  .addToLabels("app", name)
                  .addToLabels("team", team)
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("app")
                  .withImage(image)
                  .withResources(resources.build())
                  .endContainer()
                  .endSpec()
                  .withNewStatus()
                  .withPhase("Running")
                  .endStatus()
                  .build())
          .create();
    }
  }
}
