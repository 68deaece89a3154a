package lookout.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SandboxClusterTest {
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
  void serves_on_loopback_with_a_real_looking_version() {
    assertThat(sandbox.masterUrl()).startsWith("http://127.0.0.1:");
    assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.31.4");
  }

  @Test
  void seeds_three_nodes_one_under_memory_pressure() {
    List<Node> nodes = client.nodes().list().getItems();
    assertThat(nodes)
        .extracting(n -> n.getMetadata().getName())
        .containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    assertThat(nodes)
        .filteredOn(
            n ->
                n.getStatus().getConditions().stream()
                    .anyMatch(
                        c -> c.getType().equals("MemoryPressure") && c.getStatus().equals("True")))
        .extracting(n -> n.getMetadata().getName())
        .containsExactly("node-3");
  }

  @Test
  void seeded_objects_keep_their_age() {
    Deployment frontend =
        client.apps().deployments().inNamespace("prod").withName("frontend").get();
    Instant created = Instant.parse(frontend.getMetadata().getCreationTimestamp());
    assertThat(Duration.between(created, Instant.now())).isGreaterThan(Duration.ofDays(5));
  }

  @Test
  void healthy_deployments_have_running_ready_pods() {
    List<Pod> pods =
        client.pods().inNamespace("prod").withLabel("app", "frontend").list().getItems();
    assertThat(pods)
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.getStatus().getPhase()).isEqualTo("Running");
              assertThat(p.getStatus().getContainerStatuses().get(0).getReady()).isTrue();
              assertThat(p.getSpec().getNodeName()).startsWith("node-");
            });
  }

  @Test
  void crashing_checkout_pod_looks_like_crash_loop_back_off() {
    Pod pod =
        client.pods().inNamespace("staging").withLabel("app", "checkout").list().getItems().get(0);
    var status = pod.getStatus().getContainerStatuses().get(0);
    assertThat(status.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
    assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(1);
    assertThat(status.getRestartCount()).isEqualTo(7);
  }
}
