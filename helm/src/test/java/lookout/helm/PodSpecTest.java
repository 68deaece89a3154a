package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pod runs locked down, is probed on the health endpoints, and has somewhere to write. */
class PodSpecTest {
  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void runs_as_non_root_with_a_read_only_root_and_no_capabilities(String which) {
    Chart.Rendered chart = RbacScopeTest.render(which);
    JsonNode pod = chart.podSpec().path("securityContext");
    JsonNode container = chart.container().path("securityContext");

    assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("runAsUser").asInt()).isPositive();
    assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(container.path("privileged").asBoolean(true)).isFalse();
    assertThat(RbacScopeTest.strings(container.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(container.at("/capabilities/add").isMissingNode()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void probes_hit_healthz_for_liveness_and_readyz_for_readiness(String which) {
    JsonNode c = RbacScopeTest.render(which).container();

    assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(c.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void has_resources_and_writable_data_and_tmp_volumes(String which) {
    Chart.Rendered chart = RbacScopeTest.render(which);
    JsonNode c = chart.container();

    assertThat(c.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(c.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(c.at("/resources/limits/memory").asText()).isNotEmpty();
    Map<String, String> mounts = new TreeMap<>();
    c.path("volumeMounts")
        .forEach(
            m ->
                mounts.put(
                    m.path("mountPath").asText(),
                    m.path("name").asText() + (m.path("readOnly").asBoolean() ? " ro" : " rw")));
    assertThat(mounts)
        .containsEntry("/var/lib/lookout", "data rw")
        .containsEntry("/tmp", "tmp rw")
        .containsEntry("/etc/lookout/config", "config ro")
        .containsEntry("/etc/lookout/policy", "policy ro");
    assertThat(c.path("args").toString()).contains("serve", "/etc/lookout/config/lookout.yaml");
  }

  @Test
  void secrets_arrive_as_environment_variables_from_the_existing_secret() {
    JsonNode c = Chart.production().container();

    assertThat(c.at("/envFrom/0/secretRef/name").asText()).isEqualTo("lookout-secrets");
    assertThat(Chart.production().all("Secret")).isEmpty();
    assertThat(Chart.production().all("ConfigMap").toString()).doesNotContain("xoxb-");
  }

  @Test
  void inline_secret_values_render_a_secret_the_pod_reads() {
    Chart.Rendered chart =
        Chart.template(null, Map.of("secrets.values.LOOKOUT_SLACK_BOT_TOKEN", "xoxb-test"));

    assertThat(chart.one("Secret").at("/stringData/LOOKOUT_SLACK_BOT_TOKEN").asText())
        .isEqualTo("xoxb-test");
    assertThat(chart.container().at("/envFrom/0/secretRef/name").asText()).isEqualTo("lookout");
  }

  @Test
  void production_has_the_availability_and_monitoring_pieces() {
    Chart.Rendered chart = Chart.production();

    assertThat(chart.one("Deployment").at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(chart.one("PodDisruptionBudget").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(chart.one("NetworkPolicy").at("/spec/ingress/0/from").size()).isEqualTo(2);
    assertThat(chart.one("ServiceMonitor").at("/spec/endpoints/0/path").asText())
        .isEqualTo("/metrics");
    assertThat(chart.one("PrometheusRule").toString()).contains("LookoutDown");
    JsonNode ingress = chart.one("Ingress");
    assertThat(ingress.at("/spec/rules/0/http/paths").findValuesAsText("path"))
        .contains("/slack/events", "/slack/actions", "/alertmanager")
        .doesNotContain("/", "/metrics", "/api/console/messages");
  }
}
