package lookout.agent.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The revisions of a workload's pod template as the cluster keeps them: a Deployment's ReplicaSets
 * (annotation {@code deployment.kubernetes.io/revision}), a StatefulSet's or DaemonSet's
 * ControllerRevisions ({@code revision}, with the template in {@code data.spec.template}).
 */
final class Revisions {
  static final String REVISION = "deployment.kubernetes.io/revision";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One revision.
   *
   * @param ready pods of this revision ready now (ReplicaSets only; 0 for ControllerRevisions)
   */
  record Revision(long number, PodTemplateSpec template, int ready) {
    String images() {
      return String.join(
          ", ", template.getSpec().getContainers().stream().map(c -> c.getImage()).toList());
    }
  }

  private Revisions() {}

  /** The workload's revisions, newest first. */
  static List<Revision> of(KubernetesClient client, HasMetadata workload) {
    String ns = workload.getMetadata().getNamespace();
    List<Revision> out = new ArrayList<>();
    if (workload.getKind().equals("Deployment")) {
      for (ReplicaSet rs : client.apps().replicaSets().inNamespace(ns).list().getItems()) {
        String n = annotation(rs, REVISION);
        if (ownedBy(rs, workload) && n != null && n.matches("\\d{1,18}")) {
          Integer ready = rs.getStatus() == null ? null : rs.getStatus().getReadyReplicas();
          out.add(
              new Revision(
                  Long.parseLong(n),
                  withoutHash(rs.getSpec().getTemplate()),
                  ready == null ? 0 : ready));
        }
      }
    } else {
      for (ControllerRevision cr :
          client.apps().controllerRevisions().inNamespace(ns).list().getItems()) {
        if (ownedBy(cr, workload) && cr.getData() != null) {
          JsonNode template = JSON.valueToTree(cr.getData()).path("spec").path("template");
          if (template.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) template).remove("$patch");
            out.add(
                new Revision(
                    cr.getRevision(), JSON.convertValue(template, PodTemplateSpec.class), 0));
          }
        }
      }
    }
    out.sort(Comparator.comparingLong(Revision::number).reversed());
    return out;
  }

  /** A Deployment's revision from its annotation; others' is their newest revision's number. */
  static long current(HasMetadata workload, List<Revision> revisions) {
    String n = annotation(workload, REVISION);
    if (n != null && n.matches("\\d{1,18}")) {
      return Long.parseLong(n);
    }
    return revisions.isEmpty() ? 0 : revisions.getFirst().number();
  }

  /** The template without {@code pod-template-hash}, which the controller adds per ReplicaSet. */
  static PodTemplateSpec withoutHash(PodTemplateSpec template) {
    PodTemplateSpec copy = JSON.convertValue(JSON.valueToTree(template), PodTemplateSpec.class);
    if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
      Map<String, String> labels = new HashMap<>(copy.getMetadata().getLabels());
      labels.remove("pod-template-hash");
      copy.getMetadata().setLabels(labels);
    }
    return copy;
  }

  private static boolean ownedBy(HasMetadata child, HasMetadata owner) {
    List<OwnerReference> refs = child.getMetadata().getOwnerReferences();
    return refs != null
        && refs.stream()
            .anyMatch(
                r ->
                    Boolean.TRUE.equals(r.getController())
                        && owner.getKind().equals(r.getKind())
                        && owner.getMetadata().getName().equals(r.getName()));
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
