package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAnalyzerTest {
  private final ServiceAnalyzer analyzer = new ServiceAnalyzer(CLOCK);
  private static final ObjectRef REVIEWS = new ObjectRef("Service", "shop", "reviews");

  static String service(String name, String selector, String targetPort, String extra) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: shop}
        spec:
          type: ClusterIP
          clusterIP: 10.96.12.7
          selector: {%s}
          ports:
          - {name: http, port: 80, protocol: TCP, targetPort: %s}
        %s
        ---
        """
        .formatted(name, selector, targetPort, extra);
  }

  static String pod(String name, String labels, String ports, String ready, String waiting) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: shop
          labels: {%s}
          ownerReferences:
          - {apiVersion: apps/v1, kind: ReplicaSet, name: %s, controller: true, uid: 1f2e}
        spec:
          nodeName: worker-2
          containers:
          - name: app
            image: registry.example.com/shop/app:2.4.1
            ports: [%s]
        status:
          phase: Running
          conditions:
          - {type: Ready, status: "%s", message: "containers with unready status: [app]"}
          containerStatuses:
          - name: app
            ready: %s
            restartCount: 4
            state: %s
        ---
        """
        .formatted(
            name,
            labels,
            name.substring(0, name.lastIndexOf('-')),
            ports,
            ready,
            ready.equals("True"),
            waiting == null
                ? "{running: {startedAt: '2026-01-01T09:00:00Z'}}"
                : "{waiting: {reason: " + waiting + ", message: 'back-off 5m0s'}}");
  }

  static final String EMPTY_SLICE =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: reviews-8xk2p
        namespace: shop
        labels: {kubernetes.io/service-name: reviews}
      addressType: IPv4
      endpoints: null
      ---
      """;

  @Test
  void a_selector_matching_no_pod_is_shown_next_to_the_labels_it_probably_meant() {
    String yaml =
        service("reviews", "app: reviews", "9080", "")
            + EMPTY_SLICE
            + pod(
                "reviews-v2-6c9f8d7b5-4xk2m",
                "app: reviews-v2, version: v2, pod-template-hash: 6c9f8d7b5",
                "{containerPort: 9080}",
                "True",
                null)
            + pod(
                "reviews-v2-6c9f8d7b5-p8w3n",
                "app: reviews-v2, version: v2, pod-template-hash: 6c9f8d7b5",
                "{containerPort: 9080}",
                "True",
                null)
            + pod(
                "ratings-7b9d5f6c4-zz9q1",
                "app: ratings, pod-template-hash: 7b9d5f6c4",
                "{containerPort: 9080}",
                "True",
                null);

    List<Finding> findings = analyzer.analyze(YamlFacts.facts(REVIEWS, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.subject()).isEqualTo("service shop/reviews");
              assertThat(f.summary())
                  .isEqualTo(
                      "has no endpoints: its selector app=reviews matches"
                          + " none of the 3 pods in shop");
              assertThat(f.evidence())
                  .containsExactly(
                      "selector: app=reviews",
                      "nearest: pod reviews-v2-6c9f8d7b5-4xk2m (+1 like it):"
                          + " app=reviews-v2,version=v2 — app=reviews-v2 not reviews",
                      "nearest: pod ratings-7b9d5f6c4-zz9q1: app=ratings — app=ratings not"
                          + " reviews");
              assertThat(f.fixes())
                  .containsExactly(
                      "change the selector of service shop/reviews to app=reviews-v2 (the"
                          + " labels of deployment shop/reviews-v2), or label those pods"
                          + " app=reviews");
            });
  }

  @Test
  void pods_relabelled_to_the_recommended_name_label_are_what_the_selector_meant() {
    // app=reviews was moved to app.kubernetes.io/name=reviews; another app still uses "app"
    String yaml =
        service("reviews", "app: reviews", "9080", "")
            + EMPTY_SLICE
            + pod(
                "reviews-6c9f8d7b5-4xk2m",
                "app.kubernetes.io/name: reviews, app.kubernetes.io/part-of: shop,"
                    + " pod-template-hash: 6c9f8d7b5",
                "{containerPort: 9080}",
                "True",
                null)
            + pod(
                "ratings-7b9d5f6c4-zz9q1",
                "app: ratings, pod-template-hash: 7b9d5f6c4",
                "{containerPort: 9080}",
                "True",
                null);

    List<Finding> findings = analyzer.analyze(YamlFacts.facts(REVIEWS, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence())
                  .containsExactly(
                      "selector: app=reviews",
                      "nearest: pod reviews-6c9f8d7b5-4xk2m:"
                          + " app.kubernetes.io/name=reviews,app.kubernetes.io/part-of=shop"
                          + " — app missing");
              assertThat(f.fixes())
                  .containsExactly(
                      "change the selector of service shop/reviews to"
                          + " app.kubernetes.io/name=reviews (the labels of deployment"
                          + " shop/reviews), or label those pods app=reviews");
            });
  }

  @Test
  void with_no_pods_at_all_the_nearest_workload_template_is_named() {
    String yaml =
        service("reviews", "app: reviews", "9080", "")
            + EMPTY_SLICE
            + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: reviews-v2, namespace: shop}
            spec:
              replicas: 0
              selector: {matchLabels: {app: reviews-v2}}
              template:
                metadata: {labels: {app: reviews-v2, version: v2}}
                spec: {containers: [{name: reviews, image: shop/reviews:2.0}]}
            """;

    assertThat(analyzer.analyze(YamlFacts.facts(REVIEWS, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo("has no endpoints: its selector app=reviews matches no pod in shop");
              assertThat(f.evidence())
                  .contains(
                      "nearest: the pods of deployment shop/reviews-v2:"
                          + " app=reviews-v2,version=v2 — app=reviews-v2 not reviews");
              assertThat(f.fixes())
                  .containsExactly(
                      "change the selector of service shop/reviews to app=reviews-v2 (the labels of"
                          + " deployment shop/reviews-v2), or label those pods app=reviews");
            });
  }

  @Test
  void a_named_target_port_no_container_declares_is_certain() {
    String yaml =
        service("reviews", "app: reviews", "http", "")
            + pod(
                "reviews-6c9f8d7b5-4xk2m",
                "app: reviews",
                "{name: web, containerPort: 9080}",
                "True",
                null);

    assertThat(analyzer.analyze(YamlFacts.facts(REVIEWS, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo("ServiceTargetPort");
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.summary())
                  .isEqualTo(
                      "sends traffic to a port its pods do not expose: 80"
                          + " (http): targetPort \"http\" is not the name of any container port"
                          + " (9080/web)");
              assertThat(f.fixes())
                  .first()
                  .asString()
                  .startsWith("set the targetPort of port 80 (http) to one of 9080/web");
            });
  }

  @Test
  void a_numeric_target_port_no_container_declares_is_a_warning() {
    String yaml =
        service("reviews", "app: reviews", "8080", "")
            + pod("reviews-6c9f8d7b5-4xk2m", "app: reviews", "{containerPort: 9080}", "True", null);

    assertThat(analyzer.analyze(YamlFacts.facts(REVIEWS, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
              assertThat(f.evidence())
                  .contains(
                      "port 80 (http): targetPort 8080 is not a containerPort of the selected pods"
                          + " (9080)");
            });
  }

  @Test
  void selected_pods_none_ready_are_named_with_why() {
    String yaml =
        service("reviews", "app: reviews", "9080", "")
            + pod(
                "reviews-6c9f8d7b5-4xk2m",
                "app: reviews",
                "{containerPort: 9080}",
                "False",
                "CrashLoopBackOff")
            + pod(
                "reviews-6c9f8d7b5-p8w3n", "app: reviews", "{containerPort: 9080}", "False", null);

    assertThat(analyzer.analyze(YamlFacts.facts(REVIEWS, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo("ServiceNotReady");
              assertThat(f.summary())
                  .isEqualTo(
                      "has no ready endpoint: none of its 2 pods is ready"
                          + " (CrashLoopBackOff (container app))");
              assertThat(f.evidence())
                  .contains(
                      "pod reviews-6c9f8d7b5-4xk2m: CrashLoopBackOff (container app)",
                      "pod reviews-6c9f8d7b5-p8w3n: not ready: containers with unready status:"
                          + " [app]");
            });
  }

  static Stream<Arguments> fine() {
    String readyPod =
        pod(
            "reviews-6c9f8d7b5-4xk2m",
            "app: reviews",
            "{name: http, containerPort: 9080}",
            "True",
            null);
    return Stream.of(
        Arguments.of(
            "selected, ready, port declared",
            service("reviews", "app: reviews", "http", "") + readyPod,
            List.of()),
        Arguments.of(
            "pods declare no ports",
            service("reviews", "app: reviews", "8080", "")
                + pod("reviews-6c9f8d7b5-4xk2m", "app: reviews", "", "True", null),
            List.of()),
        Arguments.of(
            "ExternalName",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: reviews, namespace: shop}
            spec: {type: ExternalName, externalName: reviews.legacy.example.com}
            """,
            List.of()),
        Arguments.of(
            "headless with ready pods",
            service("reviews", "app: reviews", "9080", "")
                    .replace("clusterIP: 10.96.12.7", "clusterIP: None")
                + readyPod,
            List.of()),
        Arguments.of(
            "endpoint slices unreadable and no pods gathered",
            service("reviews", "app: reviews", "9080", ""),
            List.of(
                new ReadGap(
                    "list",
                    "endpointslices",
                    "discovery.k8s.io",
                    "shop",
                    ReadGap.Reason.FORBIDDEN,
                    ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fine")
  void no_finding_when_the_service_routes_somewhere_or_cannot_be_judged(
      String name, String yaml, List<ReadGap> gaps) {
    assertThat(analyzer.analyze(YamlFacts.facts(REVIEWS, yaml, gaps, Fixtures.NO_LOGS))).isEmpty();
  }

  @Test
  void ingress_backends_naming_a_missing_service_or_port_are_reported() {
    String yaml =
        service("reviews", "app: reviews", "9080", "")
            + """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: storefront, namespace: shop}
            spec:
              ingressClassName: nginx
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - path: /reviews
                    pathType: Prefix
                    backend: {service: {name: reviews, port: {number: 9080}}}
                  - path: /cart
                    pathType: Prefix
                    backend: {service: {name: cart, port: {number: 80}}}
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: reviews, port: {name: http}}}
            """;

    List<Finding> findings =
        new IngressAnalyzer()
            .analyze(YamlFacts.facts(new ObjectRef("Ingress", "shop", "storefront"), yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "routes to a backend that is not there:"
                          + " shop.example.com/reviews → service reviews: has no port 9080 (it has"
                          + " 80/http)");
              assertThat(f.evidence())
                  .containsExactly(
                      "shop.example.com/reviews → service reviews: has no port 9080 (it has"
                          + " 80/http)",
                      "shop.example.com/cart → service cart: does not exist");
              assertThat(f.fixes())
                  .containsExactly(
                      "use one of the ports 80/http for shop.example.com/reviews; create"
                          + " service cart or point shop.example.com/cart at an existing one in"
                          + " ingress shop/storefront");
            });
  }
}
