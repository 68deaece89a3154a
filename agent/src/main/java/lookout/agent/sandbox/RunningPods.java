package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the controllers and kubelets of the healthy part of the sandbox: for each workload
 * annotated {@code sandbox.lookout.dev/pods: running}, the Running, Ready pods a real cluster would
 * hold (names, owner, node, IPs and container statuses included). Broken pods are written out in
 * the seed YAML instead, where they can be reviewed line by line.
 */
final class RunningPods {
  static final String ANNOTATION = "sandbox.lookout.dev/pods";
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final List<String> nodes;
  private final List<String> schedulable;

  /**
   * @param nodes all nodes, where daemon set pods run
   * @param schedulable the nodes without a NoSchedule taint, where the scheduler puts other pods
   */
  RunningPods(List<String> nodes, List<String> schedulable) {
    this.nodes = List.copyOf(nodes);
    this.schedulable = List.copyOf(schedulable.isEmpty() ? nodes : schedulable);
  }

  static boolean wanted(HasMetadata workload) {
    Map<String, String> annotations = workload.getMetadata().getAnnotations();
    return annotations != null && "running".equals(annotations.get(ANNOTATION));
  }

  List<Pod> podsFor(HasMetadata workload) {
    String ns = workload.getMetadata().getNamespace();
    String name = workload.getMetadata().getName();
    List<Pod> pods = new ArrayList<>();
    switch (workload) {
      case Deployment d -> {
        String hash = token(ns + "/" + name, 10);
        for (int i = 0; i < replicas(d.getSpec().getReplicas()); i++) {
          Map<String, String> extra = Map.of("pod-template-hash", hash);
          pods.add(
              pod(
                  d,
                  d.getSpec().getTemplate(),
                  name + "-" + hash + "-" + token(name + i, 5),
                  "ReplicaSet",
                  name + "-" + hash,
                  extra,
                  i));
        }
      }
      case StatefulSet s -> {
        for (int i = 0; i < replicas(s.getSpec().getReplicas()); i++) {
          pods.add(
              pod(
                  s,
                  s.getSpec().getTemplate(),
                  name + "-" + i,
                  "StatefulSet",
                  name,
                  Map.of("statefulset.kubernetes.io/pod-name", name + "-" + i),
                  i));
        }
      }
      case DaemonSet ds -> {
        for (int i = 0; i < nodes.size(); i++) {
          pods.add(
              pod(
                  ds,
                  ds.getSpec().getTemplate(),
                  name + "-" + token(name + i, 5),
                  "DaemonSet",
                  name,
                  Map.of(),
                  i));
        }
      }
      default -> {}
    }
    return pods;
  }

  private Pod pod(
      HasMetadata owner,
      PodTemplateSpec template,
      String podName,
      String ownerKind,
      String ownerName,
      Map<String, String> extraLabels,
      int index) {
    String node =
        owner instanceof DaemonSet
            ? nodes.get(index)
            : schedulable.get(Math.floorMod(podName.hashCode(), schedulable.size()));
    String started = owner.getMetadata().getCreationTimestamp();
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
    labels.putAll(extraLabels);
    List<ContainerStatus> statuses =
        template.getSpec().getContainers().stream()
            .map(
                c ->
                    new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImage(c.getImage())
                        .withImageID(c.getImage() + "@sha256:" + token(c.getImage(), 12))
                        .withContainerID("containerd://" + token(podName + c.getName(), 24))
                        .withReady(true)
                        .withStarted(true)
                        .withRestartCount(0)
                        .withNewState()
                        .withNewRunning(started)
                        .endState()
                        .build())
            .toList();
    int nodeIndex = nodes.indexOf(node) + 1;
    return new PodBuilder()
        .withNewMetadata()
        .withName(podName)
        .withNamespace(owner.getMetadata().getNamespace())
        .withLabels(labels)
        .withCreationTimestamp(started)
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind(ownerKind)
                .withName(ownerName)
                .withController(true)
                .withBlockOwnerDeletion(true)
                .withUid(token(ownerKind + ownerName, 8))
                .build())
        .endMetadata()
        .withNewSpecLike(template.getSpec())
        .withNodeName(node)
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withQosClass("Burstable")
        .withStartTime(started)
        .withHostIP("10.0.1." + (10 + nodeIndex))
        .withPodIP("10.244." + nodeIndex + "." + (2 + Math.floorMod(podName.hashCode(), 250)))
        .withConditions(
            condition("PodReadyToStartContainers", started),
            condition("Initialized", started),
            condition("Ready", started),
            condition("ContainersReady", started),
            condition("PodScheduled", started))
        .withContainerStatuses(statuses)
        .endStatus()
        .build();
  }

  private static PodCondition condition(String type, String at) {
    return new PodConditionBuilder()
        .withType(type)
        .withStatus("True")
        .withLastTransitionTime(at)
        .build();
  }

  private static int replicas(Integer n) {
    return n == null ? 1 : n;
  }

  /** A stable pseudo-random token in the alphabet Kubernetes uses for generated names. */
  static String token(String seed, int length) {
    StringBuilder out = new StringBuilder(length);
    long h = seed.hashCode() * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < length; i++) {
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      out.append(ALPHABET.charAt((int) Math.floorMod(h >>> 7, (long) ALPHABET.length())));
    }
    return out.toString();
  }
}
