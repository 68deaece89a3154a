package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hits of one problem in one workload and container: three crashing replicas are one finding about
 * the worst pod plus a line naming the others, not three copies of the same logs.
 *
 * @param worst the hit the finding is about
 * @param others the other pods' hits, for the "also affected" line
 */
record PodGroup<T>(T worst, List<T> others) {
  /**
   * Groups hits by owning workload (a bare pod is its own group) and {@code container}; groups keep
   * the order of their first hit.
   *
   * @param worse orders hits worst first
   */
  static <T> List<PodGroup<T>> of(
      List<T> hits, Function<T, Pod> pod, Function<T, String> container, Comparator<T> worse) {
    Map<String, List<T>> byKey = new LinkedHashMap<>();
    for (T hit : hits) {
      Pod p = pod.apply(hit);
      String owner = Workload.of(p).map(Workload::describe).orElse("pod " + Pods.ref(p));
      byKey.computeIfAbsent(owner + "|" + container.apply(hit), k -> new ArrayList<>()).add(hit);
    }
    return byKey.values().stream()
        .map(
            list -> {
              List<T> sorted = list.stream().sorted(worse).toList();
              return new PodGroup<>(sorted.getFirst(), sorted.subList(1, sorted.size()));
            })
        .toList();
  }

  /** Every pod of the group, the worst first. */
  List<ObjectRef> pods(Function<T, Pod> pod) {
    List<ObjectRef> out = new ArrayList<>();
    out.add(Pods.refOf(pod.apply(worst)));
    others.forEach(h -> out.add(Pods.refOf(pod.apply(h))));
    return out;
  }

  /** "; 3 pods affected" for a summary, or "" for one pod. */
  String countSuffix() {
    return others.isEmpty() ? "" : "; " + (others.size() + 1) + " pods affected";
  }

  /** "also affected: 2 more pods of deployment staging/checkout: a, b", or empty for one pod. */
  Optional<String> alsoLine(Function<T, Pod> pod) {
    if (others.isEmpty()) {
      return Optional.empty();
    }
    Pod first = pod.apply(worst);
    String owner = Workload.of(first).map(w -> " of " + w.describe()).orElse("");
    List<String> names = others.stream().map(h -> Pods.name(pod.apply(h))).toList();
    String prefix =
        "also affected: " + others.size() + " more pod" + (others.size() > 1 ? "s" : "") + owner;
    return Optional.of(Evidence.names(prefix + ": ", names));
  }
}
