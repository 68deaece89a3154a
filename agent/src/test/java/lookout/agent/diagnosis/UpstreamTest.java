package lookout.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;
import java.util.Map;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.LogSource;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;
import org.junit.jupiter.api.Test;

/** The Service a caller's own log says it cannot reach, by ClusterIP or DNS name. */
class UpstreamTest {
  private static final Pod PROXY =
      new PodBuilder()
          .withNewMetadata()
          .withName("cdn-origin-7c5f9b8d64-rjljr")
          .withNamespace("content")
          .withLabels(Map.of("app", "cdn-origin"))
          .endMetadata()
          .withNewSpec()
          .addNewContainer()
          .withName("nginx")
          .endContainer()
          .endSpec()
          .build();

  private static final List<Service> SERVICES =
      List.of(
          service("cdn-origin", "10.12.0.4", Map.of("app", "cdn-origin")),
          service("image-resizer", "10.12.14.77", Map.of("app", "thumbor")),
          service("redis", "10.12.9.9", Map.of("app", "redis")));

  @Test
  void a_proxy_failing_to_a_cluster_ip_names_that_service() {
    var upstream =
        Upstream.in(
            facts(
                "10.0.0.1 - - \"GET /a HTTP/1.1\" 200 12",
                "[error] 29#29: *18822 connect() failed (111: Connection refused) while connecting"
                    + " to upstream, upstream: \"http://10.12.14.77:80/unsafe/1.jpg\""),
            () -> SERVICES);

    assertThat(upstream)
        .hasValueSatisfying(u -> assertThat(u.service()).isEqualTo(ref("image-resizer")));
  }

  @Test
  void a_dns_name_with_its_port_names_the_service_too() {
    var upstream =
        Upstream.in(
            facts("Error: getaddrinfo ECONNREFUSED redis.content.svc.cluster.local:6379"),
            () -> SERVICES);

    assertThat(upstream).hasValueSatisfying(u -> assertThat(u.service()).isEqualTo(ref("redis")));
  }

  @Test
  void its_own_service_is_not_its_upstream() {
    var upstream =
        Upstream.in(facts("upstream timed out connecting to 10.12.0.4:80"), () -> SERVICES);

    assertThat(upstream).isEmpty();
  }

  @Test
  void failures_to_an_unknown_address_count_only_when_repeated_and_recent() {
    String failing = "\"POST /quote HTTP/2\" 503 UH no_healthy_upstream 0 19 0 - \"10.52.0.1\"";
    assertThat(Upstream.in(facts(failing), () -> SERVICES)).isEmpty();

    var repeated = Upstream.in(facts(failing, failing, failing), () -> SERVICES);
    assertThat(repeated).hasValueSatisfying(u -> assertThat(u.named()).isFalse());
  }

  @Test
  void a_log_without_failing_calls_does_not_even_list_the_services() {
    var upstream =
        Upstream.in(
            facts("GET /healthz 200", "started in 2.1 s"),
            () -> {
              throw new AssertionError("services listed without a failing call");
            });

    assertThat(upstream).isEmpty();
  }

  private static ClusterFacts facts(String... log) {
    LogSource logs = (ns, pod, container, previous, lines) -> previous ? List.of() : List.of(log);
    return new ClusterFacts(
        "test",
        new ObjectRef("Deployment", "content", "cdn-origin"),
        List.of(PROXY),
        List.of(),
        List.of(),
        List.of(),
        Related.none(),
        logs);
  }

  private static Service service(String name, String clusterIp, Map<String, String> selector) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("content")
        .endMetadata()
        .withNewSpec()
        .withClusterIP(clusterIp)
        .withSelector(selector)
        .endSpec()
        .build();
  }

  private static ObjectRef ref(String name) {
    return new ObjectRef("Service", "content", name);
  }
}
