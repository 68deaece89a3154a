package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/** The workload a pod belongs to, as an object reference, derived from the pod alone. */
public final class Owners {
  private Owners() {}

  /** {@code deployment shop/catalog} for a pod of one of its ReplicaSets; empty for a bare pod. */
  public static Optional<ObjectRef> workload(Pod pod) {
    return Workload.of(pod).map(w -> new ObjectRef(w.kind(), w.namespace(), w.name()));
  }
}
