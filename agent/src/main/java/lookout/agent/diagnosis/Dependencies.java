package lookout.agent.diagnosis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Related;

/**
 * The objects a target depends on, read off its facts: itself, its pods, the nodes those pods are
 * bound to, the claims they mount, and the controllers and neighbours the gatherer read for it. A
 * node that hosts none of the pods is not among them, even when the facts list it (an unscheduled
 * pod brings every node, so the scheduler's complaint can be checked).
 */
final class Dependencies {
  private final Set<ObjectRef> refs = new HashSet<>();
  private final Set<ObjectRef> pods = new HashSet<>();
  private final Set<String> kindNames = new HashSet<>();

  private ObjectRef target;

  private Dependencies() {}

  /** The target the facts were gathered for, or null for a scan. */
  ObjectRef target() {
    return target;
  }

  static Dependencies of(ClusterFacts facts) {
    Dependencies d = new Dependencies();
    d.target = facts.target();
    if (facts.target() != null) {
      d.put(facts.target());
    }
    for (Pod p : facts.pods()) {
      ObjectRef pod = ObjectRef.pod(p.getMetadata().getNamespace(), p.getMetadata().getName());
      d.put(pod);
      d.pods.add(pod);
      String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
      if (node != null && !node.isBlank()) {
        d.put(ObjectRef.node(node));
      }
    }
    facts.claims().forEach(c -> d.add(c));
    Related r = facts.related();
    for (List<? extends HasMetadata> list :
        List.of(
            r.deployments(),
            r.replicaSets(),
            r.statefulSets(),
            r.daemonSets(),
            r.jobs(),
            r.cronJobs(),
            r.services(),
            r.ingresses(),
            r.autoscalers(),
            r.quotas(),
            r.storageClasses(),
            r.volumes(),
            r.attachments(),
            r.endpointSlices())) {
      list.forEach(d::add);
    }
    return d;
  }

  private void add(HasMetadata o) {
    if (o.getMetadata() != null && o.getMetadata().getName() != null) {
      put(new ObjectRef(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName()));
    }
  }

  private void put(ObjectRef ref) {
    refs.add(ref);
    kindNames.add(ref.kind() + "/" + ref.name());
  }

  /**
   * True when the target depends on {@code ref}; a ref without a namespace (a finding that named
   * only the object) matches the object of that kind and name in any namespace.
   */
  boolean contains(ObjectRef ref) {
    return refs.contains(ref)
        || ref.namespace() == null && kindNames.contains(ref.kind() + "/" + ref.name());
  }

  boolean isPod(ObjectRef ref) {
    return pods.contains(ref)
        || ref.namespace() == null && ref.kind().equals("Pod") && contains(ref);
  }

  int podCount() {
    return pods.size();
  }
}
