package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a workload runs and is labelled as: people ask about "fluent bit" when the DaemonSet is
 * log-shipper, about "postgres" when the StatefulSet is pg, about "2.0.0" when that version will
 * not roll out, about a Helm release or an app label rather than the object's name. These are a
 * weaker tier than names ({@link Mentions#running}): consulted only when no name matches.
 */
final class Runs {
  /**
   * Marks an image tag among the runs: versions are compared whole, never squashed or corrected.
   */
  static final String TAG = "tag:";

  /** Labels and annotations whose value is how a team names its app or its release. */
  private static final List<String> NAMING_KEYS =
      List.of(
          "app",
          "k8s-app",
          "app.kubernetes.io/name",
          "app.kubernetes.io/instance",
          "app.kubernetes.io/part-of",
          "release",
          "meta.helm.sh/release-name",
          "helm.sh/hook"); // "pre-upgrade hooks failed": the hook Jobs

  /** Tags that name no version anyone asks about. */
  private static final Set<String> VAGUE_TAGS = Set.of("latest", "stable", "main", "master");

  private Runs() {}

  static List<String> of(HasMetadata workload, PodTemplateSpec template) {
    Set<String> out = new LinkedHashSet<>();
    labels(workload.getMetadata().getLabels(), out);
    labels(workload.getMetadata().getAnnotations(), out);
    if (template != null) {
      if (template.getMetadata() != null) {
        labels(template.getMetadata().getLabels(), out);
      }
      if (template.getSpec() != null) {
        List<Container> containers = new ArrayList<>();
        if (template.getSpec().getInitContainers() != null) {
          containers.addAll(template.getSpec().getInitContainers());
        }
        if (template.getSpec().getContainers() != null) {
          containers.addAll(template.getSpec().getContainers());
        }
        for (Container c : containers) {
          add(c.getName(), out);
          image(c.getImage(), out);
        }
      }
    }
    out.remove(workload.getMetadata().getName()); // the name itself is matched as a name
    return List.copyOf(out);
  }

  /** "registry.example.com:5000/team/fluent-bit:2.1.8@sha256:…" → fluent-bit and tag:2.1.8. */
  static void image(String image, Set<String> out) {
    if (image == null || image.isBlank()) {
      return;
    }
    String ref = image.strip();
    int digest = ref.indexOf('@');
    if (digest >= 0) {
      ref = ref.substring(0, digest);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = colon > slash ? ref.substring(colon + 1) : null;
    String repository = colon > slash ? ref.substring(0, colon) : ref;
    add(repository.substring(repository.lastIndexOf('/') + 1), out);
    if (tag != null && !tag.isBlank() && !VAGUE_TAGS.contains(tag.toLowerCase())) {
      out.add(TAG + tag.toLowerCase());
      for (String part : tag.toLowerCase().split("[-_.+]")) {
        if (part.matches("(?=.*[0-9])(?=.*[a-f])[0-9a-f]{7,40}")) {
          out.add(TAG + part); // "sha-8e1d4f7", "main-8e1d4f7": asked about by the commit
        }
      }
      if (tag.matches("v\\d.*")) {
        out.add(TAG + tag.substring(1).toLowerCase()); // "v2.0.0" is asked about as "2.0.0" too
      }
    }
  }

  private static void labels(Map<String, String> labels, Set<String> out) {
    if (labels == null) {
      return;
    }
    for (String key : NAMING_KEYS) {
      String value = labels.get(key);
      if (value != null) {
        for (String one : value.split(",")) {
          add(one.strip(), out); // a hook annotation lists several: "pre-install,pre-upgrade"
        }
      }
    }
  }

  private static void add(String value, Set<String> out) {
    if (value != null && value.length() >= 3) {
      out.add(value.toLowerCase());
    }
  }
}
