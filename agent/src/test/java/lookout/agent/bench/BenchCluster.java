package lookout.agent.bench;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import lookout.agent.sandbox.ScenarioApiServer;

/**
 * A cluster for benchmarks on fabric8's mock API server (CRUD mode, behind the sandbox's dispatcher
 * as scenarios are): {@code namespaces} namespaces, each with Deployments of {@value #REPLICAS}
 * pods (Deployment → ReplicaSet → pods, owner references and labels as the controllers write them),
 * every 33rd pod broken (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Pending) with the Warning
 * events the kubelet and scheduler write for it and a Normal event per healthy pod, on 3 nodes.
 */
final class BenchCluster implements AutoCloseable {
  static final int REPLICAS = 4;

  final ScenarioApiServer server;
  final KubernetesClient client;
  final int namespaces;
  final int pods;
  int broken;
  final List<String> brokenDeployments = new ArrayList<>();
  final List<String> healthyDeployments = new ArrayList<>();

  private BenchCluster(int pods, int namespaces) {
    this.pods = pods;
    this.namespaces = namespaces;
    // the sandbox's dispatcher in front of the CRUD store: field selectors (Warning events), logs
    server = ScenarioApiServer.start(List.of(), Map.of());
    client = server.client();
  }

  static BenchCluster seed(int pods, int namespaces) throws Exception {
    BenchCluster c = new BenchCluster(pods, namespaces);
    c.seed();
    return c;
  }

  static String ns(int n) {
    return String.format(Locale.ROOT, "ns-%03d", n);
  }

  private void seed() throws Exception {
    for (int n = 0; n < namespaces; n++) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns(n)).endMetadata().build())
          .create();
    }
    for (int n = 0; n < 3; n++) {
      client
          .nodes()
          .resource(
              new NodeBuilder()
                  .withNewMetadata()
                  .withName("node-" + n)
                  .endMetadata()
                  .withNewStatus()
                  .addToAllocatable("cpu", new Quantity("4"))
                  .addToAllocatable("memory", new Quantity("16Gi"))
                  .addNewCondition()
                  .withType("Ready")
                  .withStatus("True")
                  .endCondition()
                  .endStatus()
                  .build())
          .create();
    }
    Instant now = Instant.now();
    List<HasMetadata> objects = new ArrayList<>();
    int perNamespace = Math.max(REPLICAS, pods / namespaces);
    int i = 0;
    for (int n = 0; n < namespaces && i < pods; n++) {
      String ns = ns(n);
      for (int d = 0; d * REPLICAS < perNamespace && i < pods; d++) {
        String name = "app-" + d;
        String hash =
            String.format(Locale.ROOT, "%08x", (ns + name).hashCode())
                .replaceAll("[aeiou]", "b")
                .substring(0, 8);
        boolean anyBroken = false;
        List<HasMetadata> podsOf = new ArrayList<>();
        for (int r = 0; r < REPLICAS && i < pods; r++, i++) {
          int kind = i % 33 == 0 ? 1 + (i / 33) % 4 : 0;
          anyBroken |= kind != 0;
          broken += kind == 0 ? 0 : 1;
          Pod pod = pod(ns, name, hash, name + "-" + hash + "-" + r, kind, now);
          podsOf.add(pod);
          objects.addAll(events(pod, kind, now));
        }
        (anyBroken ? brokenDeployments : healthyDeployments).add(ns + "/" + name);
        objects.add(deployment(ns, name, hash, podsOf.size(), anyBroken));
        objects.add(replicaSet(ns, name, hash, podsOf.size(), anyBroken));
        objects.addAll(podsOf);
      }
    }
    Semaphore inFlight = new Semaphore(16);
    List<Future<?>> done = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (HasMetadata o : objects) {
        inFlight.acquire();
        done.add(
            pool.submit(
                () -> {
                  try {
                    client.resource(o).create();
                  } finally {
                    inFlight.release();
                  }
                }));
      }
    }
    for (var f : done) {
      f.get();
    }
    server.takeRequests(); // forget the seeding
  }

  private static HasMetadata deployment(
      String ns, String name, String hash, int replicas, boolean broken) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .addToLabels("app", name)
        .addToAnnotations("deployment.kubernetes.io/revision", "1")
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
        .withImage("shop/" + name + ":1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(broken ? replicas - 1 : replicas)
        .withAvailableReplicas(broken ? replicas - 1 : replicas)
        .endStatus()
        .build();
  }

  private static HasMetadata replicaSet(
      String ns, String name, String hash, int replicas, boolean broken) {
    return new ReplicaSetBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name + "-" + hash)
        .addToLabels("app", name)
        .addToLabels("pod-template-hash", hash)
        .addToAnnotations("deployment.kubernetes.io/revision", "1")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName(name)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .addToMatchLabels("pod-template-hash", hash)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop/" + name + ":1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(replicas)
        .withReadyReplicas(broken ? replicas - 1 : replicas)
        .endStatus()
        .build();
  }

  /** Events the kubelet and scheduler write for such a pod. */
  private static List<HasMetadata> events(Pod pod, int kind, Instant now) {
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    List<HasMetadata> out = new ArrayList<>();
    switch (kind) {
      case 1 ->
          out.add(
              event(
                  ns,
                  name,
                  "Warning",
                  "BackOff",
                  "Back-off restarting failed container app in pod " + name,
                  23,
                  now));
      case 2 -> {
        out.add(
            event(
                ns,
                name,
                "Warning",
                "Failed",
                "Failed to pull image \"shop/app:typo\": rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/shop/app:typo\": failed to resolve reference \"docker.io/shop/app:typo\": docker.io/shop/app:typo: not found",
                5,
                now));
        out.add(event(ns, name, "Warning", "Failed", "Error: ImagePullBackOff", 40, now));
      }
      case 3 ->
          out.add(
              event(
                  ns,
                  name,
                  "Warning",
                  "BackOff",
                  "Back-off restarting failed container app in pod " + name,
                  14,
                  now));
      case 4 ->
          out.add(
              event(
                  ns,
                  name,
                  "Warning",
                  "FailedScheduling",
                  "0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
                  9,
                  now));
      default -> out.add(event(ns, name, "Normal", "Started", "Started container app", 1, now));
    }
    return out;
  }

  private static HasMetadata event(
      String ns, String pod, String type, String reason, String message, int count, Instant now) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(pod + "." + reason + count)
        .endMetadata()
        .withNewInvolvedObject()
        .withKind("Pod")
        .withNamespace(ns)
        .withName(pod)
        .withFieldPath("spec.containers{app}")
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withCount(count)
        .withLastTimestamp(now.minus(Duration.ofMinutes(1)).toString())
        .build();
  }

  /** kind 0 healthy, 1 CrashLoopBackOff, 2 ImagePullBackOff, 3 OOMKilled, 4 Pending. */
  private static Pod pod(
      String namespace, String app, String hash, String name, int kind, Instant now) {
    String started = now.minus(Duration.ofHours(2)).toString();
    ContainerStatusBuilder cs =
        new ContainerStatusBuilder()
            .withName("app")
            .withImage(kind == 2 ? "shop/app:typo" : "shop/app:1")
            .withReady(kind == 0)
            .withRestartCount(kind == 1 || kind == 3 ? 14 : 0);
    switch (kind) {
      case 1 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("CrashLoopBackOff")
              .endWaiting()
              .endState()
              .withNewLastState()
              .withNewTerminated()
              .withExitCode(1)
              .withReason("Error")
              .withFinishedAt(now.minus(Duration.ofMinutes(2)).toString())
              .endTerminated()
              .endLastState();
      case 2 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("ImagePullBackOff")
              .withMessage("Back-off pulling image \"shop/app:typo\"")
              .endWaiting()
              .endState();
      case 3 ->
          cs.withNewState()
              .withNewWaiting()
              .withReason("CrashLoopBackOff")
              .endWaiting()
              .endState()
              .withNewLastState()
              .withNewTerminated()
              .withExitCode(137)
              .withReason("OOMKilled")
              .withFinishedAt(now.minus(Duration.ofMinutes(1)).toString())
              .endTerminated()
              .endLastState();
      default -> cs.withNewState().withNewRunning().withStartedAt(started).endRunning().endState();
    }
    List<ContainerStatus> statuses = kind == 4 ? List.of() : List.of(cs.build());
    PodStatus status =
        kind == 4
            ? new PodStatusBuilder()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient memory.")
                .endCondition()
                .build()
            : new PodStatusBuilder()
                .withPhase("Running")
                .withStartTime(started)
                .addNewCondition()
                .withType("Ready")
                .withStatus(kind == 0 ? "True" : "False")
                .endCondition()
                .withContainerStatuses(statuses)
                .build();
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withCreationTimestamp(started)
        .addToLabels("app", app)
        .addToLabels("pod-template-hash", hash)
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName(app + "-" + hash)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName(kind == 4 ? null : "node-" + (name.hashCode() & 1))
        .addNewContainer()
        .withName("app")
        .withImage(kind == 2 ? "shop/app:typo" : "shop/app:1")
        .withNewResources()
        .addToLimits("memory", new Quantity("256Mi"))
        .addToRequests("memory", new Quantity(kind == 4 ? "64Gi" : "128Mi"))
        .endResources()
        .endContainer()
        .endSpec()
        .withStatus(status)
        .build();
  }

  @Override
  public void close() {
    server.close();
  }
}
