package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the seed YAML files into the sandbox through the client, in dependency order, the way
 * {@code kubectl create -f} would, then adds the Running pods of the healthy workloads.
 */
final class SandboxSeed {
  /** Seed files under {@code lookout/agent/sandbox/}, cluster-wide objects first. */
  static final List<String> FILES =
      List.of(
          "cluster.yaml",
          "prod-healthy.yaml",
          "staging-healthy.yaml",
          "staging-checkout.yaml",
          "staging-search.yaml",
          "staging-ledger-db.yaml",
          "prod-order-service.yaml",
          "prod-inventory.yaml");

  private final SeedText text;

  SandboxSeed(SeedText text) {
    this.text = text;
  }

  void apply(KubernetesClient client) {
    List<HasMetadata> workloads = new ArrayList<>();
    for (String file : FILES) {
      String yaml = text.require(file);
      List<HasMetadata> items;
      try {
        items =
            client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "sandbox seed " + file + " is not valid: " + e.getMessage(), e);
      }
      for (HasMetadata item : items) {
        try {
          client.resource(item).create();
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "while seeding "
                  + item.getKind()
                  + " "
                  + item.getMetadata().getName()
                  + " from "
                  + file
                  + ": "
                  + e.getMessage(),
              e);
        }
        if (RunningPods.wanted(item)) {
          workloads.add(item);
        }
      }
    }
    List<Node> nodes =
        client.nodes().list().getItems().stream()
            .sorted(java.util.Comparator.comparing(n -> n.getMetadata().getName()))
            .toList();
    RunningPods running =
        new RunningPods(
            nodes.stream().map(n -> n.getMetadata().getName()).toList(),
            nodes.stream()
                .filter(SandboxSeed::schedulable)
                .map(n -> n.getMetadata().getName())
                .toList());
    for (HasMetadata workload : workloads) {
      running.podsFor(workload).forEach(pod -> client.resource(pod).create());
    }
  }

  private static boolean schedulable(Node node) {
    return node.getSpec() == null
        || node.getSpec().getTaints() == null
        || node.getSpec().getTaints().stream().noneMatch(t -> "NoSchedule".equals(t.getEffect()));
  }
}
