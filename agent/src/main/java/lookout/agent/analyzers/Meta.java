package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Null-safe names of any API object, and how findings print them. */
final class Meta {
  private Meta() {}

  static String name(HasMetadata o) {
    return o.getMetadata() == null
        ? "?"
        : Objects.requireNonNullElse(o.getMetadata().getName(), "?");
  }

  static String namespace(HasMetadata o) {
    return o.getMetadata() == null
        ? ""
        : Objects.requireNonNullElse(o.getMetadata().getNamespace(), "");
  }

  /** {@code shop/web}, or {@code web} for a cluster-scoped object. */
  static String ref(HasMetadata o) {
    String ns = namespace(o);
    return ns.isEmpty() ? name(o) : ns + "/" + name(o);
  }

  /** {@code service shop/web}: how a finding's subject and sentence name the object. */
  static String subject(String kind, HasMetadata o) {
    return kind.toLowerCase(Locale.ROOT) + " " + ref(o);
  }

  static Map<String, String> labels(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getLabels() == null
        ? Map.of()
        : o.getMetadata().getLabels();
  }

  static Map<String, String> annotations(HasMetadata o) {
    return o.getMetadata() == null || o.getMetadata().getAnnotations() == null
        ? Map.of()
        : o.getMetadata().getAnnotations();
  }

  /** True when the object is in {@code namespace} (an empty namespace on either side matches). */
  static boolean in(HasMetadata o, String namespace) {
    String ns = namespace(o);
    return ns.isEmpty() || namespace == null || namespace.isEmpty() || ns.equals(namespace);
  }

  /** The facts are about this object: a finding about it is about the question itself. */
  static boolean isTarget(ClusterFacts facts, String kind, HasMetadata o) {
    ObjectRef t = facts.target();
    return t != null
        && t.kind().equals(kind)
        && t.name().equals(name(o))
        && (t.namespace() == null || t.namespace().equals(namespace(o)));
  }

  /** "fix: …": the line a finding ends with, saying what to change and where. */
  static String fix(String text) {
    return Evidence.clip("fix: " + text);
  }
}
