package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Pods, statuses and events as the API server would report them, built small for tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final LogSource NO_LOGS = (ns, pod, container, previous, lines) -> List.of();

  private Fixtures() {}

  static String ago(Duration d) {
    return NOW.minus(d).toString();
  }

  /**
   * A pod of Deployment {@code deployment} (via ReplicaSet {@code deployment-hash}), phase Running.
   */
  static PodBuilder deploymentPod(String ns, String deployment, String hash, String suffix) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(deployment + "-" + hash + "-" + suffix)
        .addToLabels("app", deployment)
        .addToLabels("pod-template-hash", hash)
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withName(deployment + "-" + hash)
        .withController(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withNodeName("worker-1")
        .addNewContainer()
        .withName("app")
        .withImage("registry.example.com/" + deployment + ":1.0")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .endStatus();
  }

  static Pod withStatuses(PodBuilder pod, ContainerStatus... statuses) {
    return pod.editStatus().withContainerStatuses(statuses).endStatus().build();
  }

  static ContainerStatus healthy(String container) {
    return new ContainerStatusBuilder()
        .withName(container)
        .withReady(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning(ago(Duration.ofHours(3)))
        .endState()
        .build();
  }

  /** Waiting in CrashLoopBackOff after a termination with {@code reason}/{@code exit}. */
  static ContainerStatus crashLooping(String container, int exit, String reason, int restarts) {
    return new ContainerStatusBuilder()
        .withName(container)
        .withReady(false)
        .withRestartCount(restarts)
        .withNewState()
        .withNewWaiting("back-off 5m0s restarting failed container", "CrashLoopBackOff")
        .endState()
        .withNewLastState()
        .withNewTerminated()
        .withExitCode(exit)
        .withReason(reason)
        .withFinishedAt(ago(Duration.ofMinutes(1)))
        .endTerminated()
        .endLastState()
        .build();
  }

  static Event event(
      String kind, String ns, String name, String reason, String message, int count, Duration ago) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name + "." + reason + count)
        .endMetadata()
        .withNewInvolvedObject()
        .withKind(kind)
        .withNamespace(ns)
        .withName(name)
        .endInvolvedObject()
        .withReason(reason)
        .withMessage(message)
        .withCount(count)
        .withType("Warning")
        .withLastTimestamp(ago(ago))
        .build();
  }

  static ClusterFacts facts(List<Pod> pods, List<Event> events, LogSource logs) {
    return new ClusterFacts("dev", pods, events, List.of(), List.of(), logs);
  }

  static ClusterFacts facts(
      List<Pod> pods, List<Event> events, List<PersistentVolumeClaim> claims, List<Node> nodes) {
    return new ClusterFacts("dev", pods, events, claims, nodes, NO_LOGS);
  }
}
