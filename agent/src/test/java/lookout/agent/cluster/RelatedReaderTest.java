package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachmentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.ReadGap;
import lookout.agent.analyzers.Related;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelatedReaderTest {
  private KubernetesMockServer server;
  private KubernetesClient client;

  /** CRUD store, except reads of paths starting with a refused prefix get the scripted status. */
  private static final class Refusing extends Dispatcher {
    private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    private final Map<String, MockResponse> refused;
    private final List<String> reads =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Refusing(Map<String, MockResponse> refused) {
      this.refused = refused;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (request.getMethod().equals("GET")) {
        reads.add(request.getPath());
      }
      return refused.entrySet().stream()
          .filter(e -> request.getMethod().equals("GET"))
          .filter(e -> request.getPath().startsWith(e.getKey()))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseGet(() -> crud.dispatch(request));
    }
  }

  private Refusing dispatcher;

  private RelatedReader start(Map<String, MockResponse> refused) {
    dispatcher = new Refusing(refused);
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getPort() + "/")
            .withRequestRetryBackoffLimit(0)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    seedShop();
    return new RelatedReader(client);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.destroy();
    }
  }

  private static MockResponse status(int code, String reason, String message) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\""
                + message.replace("\"", "\\\"")
                + "\",\"reason\":\""
                + reason
                + "\",\"code\":"
                + code
                + "}");
  }

  @Test
  void a_deployment_gets_its_replica_sets_services_slices_ingress_autoscaler_quota_and_storage() {
    RelatedReader reader = start(Map.of());

    Related related =
        reader.forTarget(new ObjectRef("Deployment", "shop", "web"), List.of(webPod()), claims());

    assertThat(names(related.deployments())).containsExactly("web");
    assertThat(names(related.replicaSets())).containsExactly("web-5d8f7");
    assertThat(names(related.services())).containsExactly("web");
    assertThat(names(related.endpointSlices())).containsExactly("web-x7k2p");
    assertThat(names(related.ingresses())).containsExactly("storefront");
    assertThat(names(related.autoscalers())).containsExactly("web");
    assertThat(names(related.quotas())).containsExactly("compute");
    assertThat(names(related.storageClasses())).containsExactly("fast");
    assertThat(names(related.volumes())).containsExactly("pvc-1a2b");
    assertThat(names(related.attachments())).containsExactly("csi-aaa");
    assertThat(related.gaps()).isEmpty();
  }

  @Test
  void a_service_without_pods_still_finds_the_workload_its_selector_names() {
    RelatedReader reader = start(Map.of());

    Related related =
        reader.forTarget(new ObjectRef("Service", "shop", "web"), List.of(), List.of());

    assertThat(names(related.services())).containsExactly("web");
    assertThat(names(related.deployments())).containsExactly("web");
    assertThat(names(related.ingresses())).containsExactly("storefront");
  }

  @Test
  void a_service_selecting_nothing_brings_the_workloads_it_probably_meant() {
    RelatedReader reader = start(Map.of());
    client
        .services()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("webshop")
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "webshop"))
                .endSpec()
                .build())
        .create();

    Related related =
        reader.forTarget(new ObjectRef("Service", "shop", "webshop"), List.of(), List.of());

    assertThat(names(related.deployments())).containsExactly("web");
  }

  @Test
  void when_no_ingress_routes_to_its_services_an_ingress_naming_a_missing_service_comes_along() {
    RelatedReader reader = start(Map.of());
    client
        .network()
        .v1()
        .ingresses()
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("legacy")
                .endMetadata()
                .withNewSpec()
                .withNewDefaultBackend()
                .withNewService()
                .withName("old-admin")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endDefaultBackend()
                .endSpec()
                .build())
        .create();
    Pod admin =
        new PodBuilder(webPod())
            .editMetadata()
            .withName("admin-1")
            .withLabels(Map.of("app", "admin"))
            .withOwnerReferences()
            .endMetadata()
            .build();

    Related related =
        reader.forTarget(new ObjectRef("Pod", "shop", "admin-1"), List.of(admin), List.of());

    assertThat(names(related.ingresses())).containsExactly("legacy");
    assertThat(names(related.services())).containsExactly("admin");
  }

  @Test
  void a_namespace_scan_reads_everything_in_it() {
    RelatedReader reader = start(Map.of());

    Related related = reader.forNamespace("shop", List.of());

    assertThat(names(related.services())).containsExactlyInAnyOrder("web", "admin");
    assertThat(names(related.autoscalers())).containsExactlyInAnyOrder("web", "admin");
    assertThat(related.storageClasses()).isEmpty();
  }

  @Test
  void a_forbidden_kind_becomes_a_gap_naming_the_permission_and_the_rest_is_still_read() {
    RelatedReader reader =
        start(
            Map.of(
                "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers",
                status(
                    403,
                    "Forbidden",
                    "horizontalpodautoscalers.autoscaling is forbidden: User"
                        + " \"system:serviceaccount:lookout:lookout\" cannot list resource"
                        + " \"horizontalpodautoscalers\" in API group \"autoscaling\" in the"
                        + " namespace \"shop\"")));

    Related related =
        reader.forTarget(new ObjectRef("Deployment", "shop", "web"), List.of(webPod()), claims());

    assertThat(related.autoscalers()).isEmpty();
    assertThat(names(related.services())).containsExactly("web");
    assertThat(names(related.attachments())).containsExactly("csi-aaa");
    assertThat(related.gaps())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.reason()).isEqualTo(ReadGap.Reason.FORBIDDEN);
              assertThat(g.sentence())
                  .isEqualTo(
                      "cannot list horizontalpodautoscalers.autoscaling in shop: grant"
                          + " get/list/watch on horizontalpodautoscalers in API group autoscaling"
                          + " to Lookout's service account");
              assertThat(g.detail()).contains("cannot list resource");
            });
  }

  @Test
  void an_api_the_cluster_does_not_serve_is_a_gap_too() {
    RelatedReader reader =
        start(
            Map.of(
                "/apis/discovery.k8s.io/",
                status(404, "NotFound", "the server could not find the requested resource")));

    Related related =
        reader.forTarget(new ObjectRef("Deployment", "shop", "web"), List.of(webPod()), List.of());

    assertThat(related.endpointSlices()).isEmpty();
    assertThat(names(related.services())).containsExactly("web");
    assertThat(related.gaps())
        .extracting(ReadGap::sentence)
        .containsExactly(
            "endpointslices.discovery.k8s.io is not served by this cluster, so they were not"
                + " checked");
  }

  @Test
  void a_missing_storage_class_is_simply_absent_not_a_gap() {
    RelatedReader reader = start(Map.of());
    PersistentVolumeClaim claim = claim("cache", "gone-class", null);

    Related related = reader.forNamespace("shop", List.of(claim));

    assertThat(related.storageClasses()).isEmpty();
    assertThat(related.gaps()).isEmpty();
  }

  @Test
  void a_claim_relying_on_the_default_class_brings_every_class() {
    RelatedReader reader = start(Map.of());
    PersistentVolumeClaim claim = claim("cache", null, null);

    Related related = reader.forNamespace("shop", List.of(claim));

    assertThat(names(related.storageClasses())).containsExactlyInAnyOrder("fast", "slow");
  }

  @Test
  void every_kind_it_reads_is_in_the_published_read_scope_the_helm_chart_is_checked_against() {
    RelatedReader reader = start(Map.of());
    dispatcher.reads.clear();

    reader.forTarget(new ObjectRef("Deployment", "shop", "web"), List.of(webPod()), claims());
    reader.around(new ObjectRef("Deployment", "shop", "web"), List.of(webPod()));
    reader.inNamespace("shop");
    reader.forNamespace("shop", List.of(claim("cache", null, null)));

    assertThat(dispatcher.reads).isNotEmpty();
    assertThat(dispatcher.reads.stream().map(RelatedReaderTest::resource).distinct())
        .allSatisfy(r -> assertThat(ReadScope.all()).contains(r));
  }

  /** The API resource a GET path reads: /apis/batch/v1/namespaces/shop/jobs → batch jobs. */
  static ApiResource resource(String path) {
    String[] parts = path.replaceFirst("\\?.*$", "").split("/");
    boolean core = parts[1].equals("api");
    String group = core ? "" : parts[2];
    List<String> rest = List.of(parts).subList(core ? 3 : 4, parts.length);
    if (rest.get(0).equals("namespaces") && rest.size() > 2) {
      return new ApiResource(group, rest.get(2) + (rest.size() > 4 ? "/" + rest.get(4) : ""));
    }
    return new ApiResource(group, rest.get(0));
  }

  // ---- the shop namespace ----

  private void seedShop() {
    Map<String, String> web = Map.of("app", "web");
    client
        .apps()
        .deployments()
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(web)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(web)
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    client
        .apps()
        .replicaSets()
        .resource(
            new ReplicaSetBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web-5d8f7")
                .addNewOwnerReference()
                .withKind("Deployment")
                .withName("web")
                .withController(true)
                .withApiVersion("apps/v1")
                .withUid("u1")
                .endOwnerReference()
                .endMetadata()
                .build())
        .create();
    for (String name : List.of("web", "admin")) {
      client
          .services()
          .resource(
              new ServiceBuilder()
                  .withNewMetadata()
                  .withNamespace("shop")
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withSelector(Map.of("app", name))
                  .addNewPort()
                  .withPort(80)
                  .withTargetPort(new IntOrString(8080))
                  .endPort()
                  .endSpec()
                  .build())
          .create();
      client
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .resource(
              new HorizontalPodAutoscalerBuilder()
                  .withNewMetadata()
                  .withNamespace("shop")
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withNewScaleTargetRef("apps/v1", "Deployment", name)
                  .withMaxReplicas(5)
                  .endSpec()
                  .build())
          .create();
    }
    client
        .discovery()
        .v1()
        .endpointSlices()
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("web-x7k2p")
                .addToLabels("kubernetes.io/service-name", "web")
                .endMetadata()
                .withAddressType("IPv4")
                .build())
        .create();
    client
        .network()
        .v1()
        .ingresses()
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("storefront")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withHost("shop.example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("web")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();
    client
        .resourceQuotas()
        .resource(
            new ResourceQuotaBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName("compute")
                .endMetadata()
                .build())
        .create();
    for (String name : List.of("fast", "slow")) {
      client
          .storage()
          .v1()
          .storageClasses()
          .resource(
              new StorageClassBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withProvisioner("ebs.csi.aws.com")
                  .build())
          .create();
    }
    client
        .persistentVolumes()
        .resource(
            new PersistentVolumeBuilder()
                .withNewMetadata()
                .withName("pvc-1a2b")
                .endMetadata()
                .build())
        .create();
    for (String[] va : new String[][] {{"csi-aaa", "pvc-1a2b"}, {"csi-bbb", "pvc-9z9z"}}) {
      client
          .storage()
          .v1()
          .volumeAttachments()
          .resource(
              new VolumeAttachmentBuilder()
                  .withNewMetadata()
                  .withName(va[0])
                  .endMetadata()
                  .withNewSpec()
                  .withAttacher("ebs.csi.aws.com")
                  .withNodeName("worker-1")
                  .withNewSource()
                  .withPersistentVolumeName(va[1])
                  .endSource()
                  .endSpec()
                  .build())
          .create();
    }
  }

  private static Pod webPod() {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName("web-5d8f7-q2x9z")
        .addToLabels("app", "web")
        .addNewOwnerReference()
        .withKind("ReplicaSet")
        .withName("web-5d8f7")
        .withController(true)
        .withApiVersion("apps/v1")
        .withUid("u2")
        .endOwnerReference()
        .endMetadata()
        .build();
  }

  private static List<PersistentVolumeClaim> claims() {
    return List.of(claim("data", "fast", "pvc-1a2b"));
  }

  private static PersistentVolumeClaim claim(String name, String storageClass, String volume) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withStorageClassName(storageClass)
        .withVolumeName(volume)
        .endSpec()
        .build();
  }

  private static List<String> names(List<? extends HasMetadata> items) {
    Function<HasMetadata, String> name = i -> i.getMetadata().getName();
    return items.stream().map(name).toList();
  }
}
