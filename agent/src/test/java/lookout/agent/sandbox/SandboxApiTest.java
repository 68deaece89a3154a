package lookout.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The endpoints where the sandbox fills the CRUD mock's gaps, driven through fabric8 as Lookout
 * would.
 */
class SandboxApiTest {
  static SandboxCluster sandbox;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void previous_log_of_the_crashing_container_ends_in_the_exception() {
    String log =
        client
            .pods()
            .inNamespace("staging")
            .withName("checkout-7d9f8c6b5d-x2k4p")
            .inContainer("checkout")
            .terminated()
            .tailingLines(5)
            .getLog();
    assertThat(log.lines().toList())
        .hasSize(5)
        .anyMatch(l -> l.contains("java.lang.IllegalStateException: DATABASE_URL is not set"));
    assertThat(log).doesNotContain("\"kind\"");
  }

  @Test
  void log_limit_bytes_cuts_the_output() {
    String log =
        client
            .pods()
            .inNamespace("prod")
            .withName("inventory-8b6d5c7f9-2xkqj")
            .inContainer("inventory")
            .limitBytes(40)
            .getLog();
    assertThat(log.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(40);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          search-6c8f9d7b4-q7wzn  | search   | false | is waiting to start: trying and failing to pull image
          ledger-db-0             | postgres | false | is waiting to start: ContainerCreating
          search-5b7d8c9f6-h2kzp  | search   | true  | previous terminated container "search"
          search-5b7d8c9f6-h2kzp  | nope     | false | container nope is not valid
          """)
  void log_requests_the_kubelet_refuses_fail_with_its_message(
      String pod, String container, boolean previous, String message) {
    var logs = client.pods().inNamespace("staging").withName(pod).inContainer(container);
    assertThatThrownBy(() -> (previous ? logs.terminated() : logs).getLog())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(message);
  }

  @Test
  void closing_watches_does_not_stall_the_server() {
    // fabric8's log DSL opens and closes a watch per read of a pod that is not ready
    for (int i = 0; i < 15; i++) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  client
                      .pods()
                      .inNamespace("staging")
                      .withName("search-6c8f9d7b4-q7wzn")
                      .inContainer("search")
                      .getLog())
          .isInstanceOf(KubernetesClientException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void event_field_selectors_filter_like_the_api_server() {
    List<Event> events =
        client
            .v1()
            .events()
            .inNamespace("staging")
            .withField("involvedObject.name", "checkout-7d9f8c6b5d-x2k4p")
            .withField("involvedObject.kind", "Pod")
            .list()
            .getItems();
    assertThat(events)
        .isNotEmpty()
        .allMatch(e -> e.getInvolvedObject().getName().equals("checkout-7d9f8c6b5d-x2k4p"));
    assertThat(events).extracting(Event::getReason).contains("BackOff");
    assertThat(
            client
                .v1()
                .events()
                .inNamespace("staging")
                .withField("involvedObject.name", "no-such-pod")
                .list()
                .getItems())
        .isEmpty();
  }

  @Test
  void unsupported_field_selector_is_refused() {
    assertThatThrownBy(
            () -> client.v1().events().inNamespace("staging").withField("spec.bogus", "x").list())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("field label not supported: spec.bogus");
  }

  @Test
  void dry_run_patch_answers_the_would_be_object_without_persisting() {
    Deployment wouldBe =
        client
            .apps()
            .deployments()
            .inNamespace("prod")
            .withName("cart")
            .dryRun()
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":7}}");
    assertThat(wouldBe.getSpec().getReplicas()).isEqualTo(7);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("prod")
                .withName("cart")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void dry_run_on_a_missing_object_is_not_found() {
    assertThatThrownBy(
            () ->
                client
                    .apps()
                    .deployments()
                    .inNamespace("prod")
                    .withName("ghost")
                    .dryRun()
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":1}}"))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("deployments.apps \"ghost\" not found");
  }

  @Test
  void json_patch_that_is_not_an_array_is_refused_quickly() {
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                client
                    .apps()
                    .deployments()
                    .inNamespace("prod")
                    .withName("cart")
                    .patch(PatchContext.of(PatchType.JSON), "{\"op\":\"replace\"}"))
        .isInstanceOf(KubernetesClientException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }
}
