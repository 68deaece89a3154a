package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HpaQuotaAnalyzerTest {
  private static final ObjectRef WEB = new ObjectRef("Deployment", "shop", "web");

  static String hpa(String conditions, String current) {
    return """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: shop}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        status:
          currentReplicas: 10
          desiredReplicas: 10
          currentMetrics: [%s]
          conditions:
          %s
        ---
        """
        .formatted(current, conditions);
  }

  static String deployment(String requests) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: web, image: shop/web:3.2, resources: {requests: {%s}}}
        ---
        """
        .formatted(requests);
  }

  static final String ABLE =
      "- {type: AbleToScale, status: 'True', reason: ReadyForNewScale, message: recommended size matches current size}";
  static final String CPU_182 =
      "{type: Resource, resource: {name: cpu, current: {averageUtilization: 182, averageValue: 455m}}}";

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "at max with the metric above target",
            hpa(
                    ABLE
                        + "\n  - {type: ScalingActive, status: 'True', reason: ValidMetricFound, message: the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)}\n  - {type: ScalingLimited, status: 'True', reason: TooManyReplicas, message: the desired replica count is more than the maximum replica count}",
                    CPU_182)
                + deployment("cpu: 250m"),
            "HpaAtMax",
            "is at maxReplicas 10 and wants more: cpu 182% of request (target 70%)"),
        Arguments.of(
            "metrics API missing",
            hpa(
                    ABLE
                        + "\n  - {type: ScalingActive, status: 'False', reason: FailedGetResourceMetric, message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)'}",
                    "")
                + deployment("cpu: 250m"),
            "HpaMetricsUnavailable",
            "cannot read its metrics, so it does not scale deployment shop/web: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)"),
        Arguments.of(
            "no cpu request on the container",
            hpa(
                    ABLE
                        + "\n  - {type: ScalingActive, status: 'False', reason: FailedGetResourceMetric, message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container web of Pod web-5d8f7-q2x9z'}",
                    "")
                + deployment("memory: 256Mi"),
            "HpaMissingRequests",
            "cannot compute utilization: container web of deployment shop/web has no cpu request"),
        Arguments.of(
            "target gone",
            hpa(
                "- {type: AbleToScale, status: 'False', reason: FailedGetScale, message: 'the HPA controller was unable to get the target''s current scale: deployments/scale.apps \"web\" not found'}",
                ""),
            "HpaCannotScale",
            "cannot scale deployment shop/web: the HPA controller was unable to get the target's current scale: deployments/scale.apps \"web\" not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void an_autoscaler_that_cannot_do_its_job_says_why(
      String name, String yaml, String analyzer, String summary) {
    assertThat(new HpaAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo(analyzer);
              assertThat(f.summary()).isEqualTo(summary);
              assertThat(f.fixes()).first().asString().startsWith("");
            });
  }

  @Test
  void a_scaling_autoscaler_within_range_is_fine() {
    String yaml =
        hpa(
                ABLE
                    + "\n  - {type: ScalingLimited, status: 'False', reason: DesiredWithinRange, message: the desired count is within the acceptable range}",
                CPU_182)
            + deployment("cpu: 250m");
    assertThat(new HpaAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml))).isEmpty();
  }

  static final String QUOTA =
      """
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: compute, namespace: shop}
      spec: {hard: {requests.cpu: "4", requests.memory: 8Gi, pods: "20"}}
      status:
        hard: {requests.cpu: "4", requests.memory: 8Gi, pods: "20"}
        used: {requests.cpu: 3800m, requests.memory: 5Gi, pods: "12"}
      ---
      """;

  @Test
  void a_quota_rejecting_pods_is_linked_to_the_failed_create_with_the_numbers() {
    String yaml =
        QUOTA
            + """
            apiVersion: v1
            kind: Event
            metadata: {name: web-5d8f7.fc, namespace: shop}
            involvedObject: {kind: ReplicaSet, namespace: shop, name: web-5d8f7}
            reason: FailedCreate
            type: Warning
            message: 'Error creating: pods "web-5d8f7-x2k4p" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=3800m, limited: requests.cpu=4'
            count: 14
            lastTimestamp: '2026-01-01T11:59:00Z'
            """;

    assertThat(new QuotaAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.summary())
                  .isEqualTo("rejects new objects: at requests.cpu 3800m/4 (95%)");
              assertThat(f.evidence())
                  .containsExactly(
                      "quota shop/compute: requests.cpu 3800m/4 (95%)",
                      "event FailedCreate ×14 (last 1m ago): Error creating: pods \"web-5d8f7-x2k4p\" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=3800m, limited: requests.cpu=4");
              assertThat(f.fixes())
                  .containsExactly(
                      "raise the hard limit in resourcequota shop/compute, or free room: lower requests or scale down other workloads in shop");
            });
  }

  @Test
  void a_full_quota_that_refused_nothing_yet_is_only_a_note() {
    assertThat(new QuotaAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, QUOTA.replace("3800m", "4"))))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.role()).isEqualTo(Finding.Role.NOTE);
              assertThat(f.summary()).isEqualTo("is full: requests.cpu 4/4 (100%)");
            });
  }

  @Test
  void a_quota_with_room_and_no_rejection_is_not_reported() {
    assertThat(
            new QuotaAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, QUOTA.replace("3800m", "1200m"))))
        .isEmpty();
  }

  @Test
  void kinds_that_could_not_be_read_are_named_with_the_permission() {
    ReadGap gap =
        new ReadGap(
            "list",
            "horizontalpodautoscalers",
            "autoscaling",
            "shop",
            ReadGap.Reason.FORBIDDEN,
            "forbidden");
    assertThat(
            new ReadGapsAnalyzer()
                .analyze(YamlFacts.facts(WEB, "", List.of(gap), Fixtures.NO_LOGS)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "is only partly checked: Lookout cannot list horizontalpodautoscalers.autoscaling in shop: grant get/list/watch on horizontalpodautoscalers in API group autoscaling to Lookout's service account");
              assertThat(f.evidence()).first().isEqualTo("access: " + gap.sentence());
            });
  }
}
