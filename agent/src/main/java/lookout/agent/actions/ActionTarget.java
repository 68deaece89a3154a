package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Locale;
import lookout.approvals.Action;
import lookout.approvals.AlertSilence;
import lookout.approvals.McpToolCall;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;

/**
 * The object an action works on.
 *
 * @param kind {@code Deployment} or {@code StatefulSet}
 */
record ActionTarget(String kind, String namespace, String name) {

  /**
   * @throws IllegalArgumentException for a scale of anything but a Deployment or StatefulSet
   */
  static ActionTarget of(Action action) {
    return switch (action) {
      case RestartDeployment r -> new ActionTarget("Deployment", r.namespace(), r.name());
      case AlertSilence a -> throw notOnTheCluster(a);
      case ScaleWorkload s -> {
        String kind = s.workloadKind().toLowerCase(Locale.ROOT);
        if (!kind.equals("deployment") && !kind.equals("statefulset")) {
          throw new IllegalArgumentException(
              "cannot " + s.describe() + ": only deployments and statefulsets scale");
        }
        yield new ActionTarget(
            kind.equals("deployment") ? "Deployment" : "StatefulSet", s.namespace(), s.name());
      }
      case McpToolCall m -> throw notKubernetes(m);
      case lookout.approvals.Operation o ->
          throw new IllegalArgumentException(o.describe() + " has its own handler");
    };
  }

  static IllegalArgumentException notKubernetes(McpToolCall call) {
    return new IllegalArgumentException(
        "cannot " + call.describe() + " with the Kubernetes executor: it is an MCP tool call");
  }

  Resource<? extends HasMetadata> resource(KubernetesClient client) {
    return kind.equals("Deployment")
        ? client.apps().deployments().inNamespace(namespace).withName(name)
        : client.apps().statefulSets().inNamespace(namespace).withName(name);
  }

  /** {@code deployment staging/checkout}. */
  String ref() {
    return kind.toLowerCase(Locale.ROOT) + " " + namespace + "/" + name;
  }

  static int replicas(HasMetadata object) {
    Integer n =
        switch (object) {
          case Deployment d -> d.getSpec() == null ? null : d.getSpec().getReplicas();
          case StatefulSet s -> s.getSpec() == null ? null : s.getSpec().getReplicas();
          default -> null;
        };
    return n == null ? 1 : n;
  }

  static long generation(HasMetadata object) {
    Long g = object.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  /** Silences change Alertmanager, never a cluster object; the router sends them elsewhere. */
  static IllegalArgumentException notOnTheCluster(AlertSilence action) {
    return new IllegalArgumentException(
        "cannot " + action.describe() + " on the cluster: silences are made in Alertmanager");
  }
}
