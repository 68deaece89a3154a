package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import lookout.agent.sandbox.SandboxCluster;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodCacheTest {
  static SandboxCluster sandbox;
  static KubernetesClient client;
  PodCache cache;

  @BeforeAll
  static void startSandbox() {
    sandbox = SandboxCluster.start();
    client = sandbox.client();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newCache() {
    cache = new PodCache(client, Duration.ofSeconds(5));
  }

  @AfterEach
  void closeCache() {
    cache.close();
  }

  @Test
  void after_the_first_read_pods_come_from_the_synced_cache_and_match_a_direct_list() {
    List<String> cached = names(cache.pods("staging"));

    assertThat(cache.synced()).isTrue();
    assertThat(cached).isNotEmpty().containsExactlyInAnyOrderElementsOf(names(direct("staging")));
  }

  @Test
  void the_cache_sees_pods_created_and_deleted_after_it_started() throws Exception {
    cache.pods("staging");
    client.pods().inNamespace("staging").resource(pod("staging", "late-arrival")).create();

    Eventually.until(
        "the informer to see late-arrival",
        Duration.ofSeconds(5),
        () -> names(cache.pods("staging")).contains("late-arrival"));

    client.pods().inNamespace("staging").withName("late-arrival").delete();
    Eventually.until(
        "the informer to forget late-arrival",
        Duration.ofSeconds(5),
        () -> !names(cache.pods("staging")).contains("late-arrival"));
    assertThat(cache.synced()).isTrue();
  }

  @Test
  void the_reader_answers_the_same_with_and_without_the_cache() {
    ClusterReader cached = new ClusterReader(client, Clock.systemUTC(), cache);
    ClusterReader direct = new ClusterReader(client, Clock.systemUTC());

    for (String ns : List.of("staging", "prod", "default", "nowhere")) {
      assertThat(cached.podLines(cached.pods(ns))).isEqualTo(direct.podLines(direct.pods(ns)));
    }
  }

  @Test
  void when_the_informer_cannot_start_reads_fall_back_to_a_direct_list() {
    // an expectations-mode mock server answers nothing it was not told to: the informer's
    // all-namespaces list fails, a namespace list is scripted
    KubernetesMockServer server = new KubernetesMockServer(false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient bare =
            new KubernetesClientBuilder()
                .withConfig(
                    new io.fabric8.kubernetes.client.ConfigBuilder(
                            io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl("http://127.0.0.1:" + server.getPort() + "/")
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
        PodCache fallback = new PodCache(bare, Duration.ofSeconds(2))) {
      server
          .expect()
          .get()
          .withPath("/api/v1/namespaces/shop/pods?limit=500")
          .andReturn(
              200,
              new io.fabric8.kubernetes.api.model.PodListBuilder()
                  .addToItems(pod("shop", "cart-1"))
                  .build())
          .always();

      assertThat(names(fallback.pods("shop"))).containsExactly("cart-1");
      assertThat(fallback.synced()).isFalse();
    } finally {
      server.destroy();
    }
  }

  @Test
  void direct_lists_are_capped() {
    assertThat(PodCache.list(client, "staging", 2)).hasSize(2);
  }

  private static List<Pod> direct(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems();
  }

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(p -> p.getMetadata().getName()).toList();
  }

  private static Pod pod(String namespace, String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop/app:1")
        .endContainer()
        .endSpec()
        .build();
  }
}
