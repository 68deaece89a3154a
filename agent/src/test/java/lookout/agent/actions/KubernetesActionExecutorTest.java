package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import lookout.agent.sandbox.SandboxCluster;
import lookout.approvals.DryRun;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesActionExecutorTest {
  static final Instant NOW = Instant.parse("2026-11-22T03:04:05Z");
  static SandboxCluster sandbox;
  static KubernetesClient client;
  static KubernetesActionExecutor executor;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    client = sandbox.client();
    executor =
        new KubernetesActionExecutor(Map.of("sandbox", client), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void restart_sets_the_restarted_at_annotation_in_the_api_server() {
    String result = executor.execute(new RestartDeployment("sandbox", "staging", "checkout"));

    Deployment d = client.apps().deployments().inNamespace("staging").withName("checkout").get();
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-22T03:04:05Z");
    assertThat(result)
        .startsWith(
            "restarted deployment staging/checkout: rollout started (generation "
                + d.getMetadata().getGeneration()
                + "); ")
        .matches(".*; \\d+ of 1 pod updated, \\d+ ready");
  }

  @Test
  void scale_changes_the_replicas_of_a_deployment() {
    String result =
        executor.execute(new ScaleWorkload("sandbox", "prod", "Deployment", "payment-api", 4));

    assertThat(result).isEqualTo("scaled deployment prod/payment-api from 2 to 4 replicas");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("prod")
                .withName("payment-api")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
  }

  @Test
  void scale_changes_the_replicas_of_a_statefulset() {
    executor.execute(new ScaleWorkload("sandbox", "staging", "StatefulSet", "ledger-db", 0));

    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace("staging")
                .withName("ledger-db")
                .get()
                .getSpec()
                .getReplicas())
        .isZero();
  }

  @Test
  void dry_run_validates_without_changing_anything() {
    DryRun result =
        executor.dryRun(new ScaleWorkload("sandbox", "prod", "Deployment", "frontend", 9));

    assertThat(result.change()).isEqualTo("replicas 3 → 9");
    assertThat(result.before().replicas()).isEqualTo(3);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("prod")
                .withName("frontend")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void dry_run_of_a_restart_says_how_many_pods_roll() {
    DryRun result = executor.dryRun(new RestartDeployment("sandbox", "prod", "frontend"));

    assertThat(result.change()).matches("rollout restart of \\d+ pods?");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("prod")
                .withName("frontend")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .doesNotContainKey("kubectl.kubernetes.io/restartedAt");
  }

  @Test
  void rollout_progress_is_read_for_restarts_only() {
    assertThat(executor.rollout(new RestartDeployment("sandbox", "prod", "cart")))
        .hasValueSatisfying(
            r -> assertThat(r.progress()).matches("\\d+ of 2 pods updated, \\d+ ready"));
    assertThat(executor.rollout(new ScaleWorkload("sandbox", "prod", "Deployment", "cart", 3)))
        .isEmpty();
  }

  @Test
  void current_state_reports_replicas_and_generation() {
    assertThat(executor.current(new ScaleWorkload("sandbox", "prod", "Deployment", "cart", 5)))
        .hasValueSatisfying(
            s -> {
              assertThat(s.replicas()).isEqualTo(2);
              assertThat(s.generation()).isPositive();
            });
    assertThat(executor.current(new RestartDeployment("sandbox", "prod", "ghost"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void a_target_that_is_gone_fails_with_a_clear_message(boolean dryRun) {
    RestartDeployment ghost = new RestartDeployment("sandbox", "prod", "ghost");
    assertThatThrownBy(
            () -> {
              if (dryRun) {
                executor.dryRun(ghost);
              } else {
                executor.execute(ghost);
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "deployment prod/ghost not found in cluster sandbox"
                + " (deleted or renamed since it was requested?)");
  }

  @Test
  void an_unknown_cluster_is_named() {
    assertThatThrownBy(() -> executor.execute(new RestartDeployment("eu-1", "prod", "cart")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown cluster 'eu-1'")
        .hasMessageContaining("known: sandbox");
  }

  @Test
  void daemonsets_cannot_be_scaled() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    new ScaleWorkload("sandbox", "default", "DaemonSet", "log-shipper", 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only deployments and statefulsets scale");
  }
}
