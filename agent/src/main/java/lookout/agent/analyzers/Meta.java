package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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

  /**
   * "fix: …": a fix line among the evidence, moved to {@link Finding#fixes()} by {@link #finding}.
   */
  static String fix(String text) {
    return Evidence.clip(FIX + text);
  }

  private static final String FIX = "fix: ";

  /** The object as a finding names it: namespace null for cluster-scoped objects. */
  static ObjectRef ref(String kind, HasMetadata o) {
    String ns = namespace(o);
    return new ObjectRef(kind, ns.isEmpty() ? null : ns, name(o));
  }

  /**
   * A finding about {@code about} from a sentence that starts with the object's name ("service
   * shop/web has no endpoints: …"): the name is dropped so the summary is the predicate the engine
   * puts after whatever was asked about, {@code fix:} lines become fixes, INFO findings are notes.
   */
  static Finding.Builder finding(
      Finding.Severity severity,
      String analyzer,
      ObjectRef about,
      String sentence,
      List<String> evidence) {
    String ref = about.namespace() == null ? about.name() : about.namespace() + "/" + about.name();
    String predicate = sentence.replaceFirst("^\\S+ " + Pattern.quote(ref) + " ", "");
    Finding.Builder b =
        Finding.builder(severity, analyzer, about).summary(predicate).reason(analyzer);
    for (String line : evidence) {
      if (line.startsWith(FIX)) {
        b.fix(line.substring(FIX.length()));
      } else {
        b.evidence(line);
      }
    }
    if (severity == Finding.Severity.INFO) {
      b.role(Finding.Role.NOTE);
    }
    return b;
  }
}
