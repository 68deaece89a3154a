package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The pods a selector that matches nothing probably meant: those whose labels share the most
 * selector keys with equal values, then the most keys at all, so "app=reviews" finds pods labelled
 * "app=reviews-v2" before pods labelled "team=reviews". The keys that name an application ({@code
 * app}, {@code app.kubernetes.io/name}, {@code k8s-app}, …) count as one: pods relabelled from
 * "app=inventory" to "app.kubernetes.io/name=inventory" are what "app=inventory" meant, not pods
 * that share the key {@code app} with another value.
 */
final class NearestLabels {
  static final int MAX = 3;

  /**
   * Label keys that conventionally carry the application's name (Kubernetes' recommended labels).
   */
  private static final List<String> NAME_KEYS =
      List.of("app", "app.kubernetes.io/name", "k8s-app", "name", "app.kubernetes.io/instance");

  private NearestLabels() {}

  /**
   * Something carrying pod labels: a pod, or a workload's pod template.
   *
   * @param shown how the evidence names it: "pod reviews-v2-6c9f-4xk2m", "deployment shop/x"
   * @param owner the workload whose labels these are, or null
   */
  record Labelled(String shown, Map<String, String> labels, String owner) {
    static Labelled of(Pod p) {
      return new Labelled(
          "pod " + Pods.name(p),
          Meta.labels(p),
          Workload.of(p).map(Workload::describe).orElse(null));
    }
  }

  /** One group with the same labels, as close to the selector as any. */
  record Candidate(Map<String, String> labels, List<Labelled> members, int equal, int sharedKeys) {
    /** The keys whose values differ from the selector, e.g. {@code app (reviews-v2)}. */
    List<String> differences(Map<String, String> selector) {
      List<String> out = new ArrayList<>();
      new TreeMap<>(selector)
          .forEach(
              (k, v) -> {
                String have = labels.get(k);
                if (have == null) {
                  out.add(k + " missing");
                } else if (!have.equals(v)) {
                  out.add(k + "=" + have + " not " + v);
                }
              });
      return out;
    }

    /**
     * The selector rewritten with these pods' values for the keys they have; a name key they lack
     * becomes the name key that carries the same value.
     */
    Map<String, String> suggestedSelector(Map<String, String> selector) {
      Map<String, String> out = new TreeMap<>();
      selector.forEach(
          (k, v) -> {
            if (labels.containsKey(k) && !labels.get(k).equals(v)) {
              String alias = nameAlias(k, v, labels);
              if (alias != null) {
                out.put(alias, v);
                return;
              }
            }
            if (labels.containsKey(k)) {
              out.put(k, labels.get(k));
            } else {
              String alias = nameAlias(k, v, labels);
              if (alias != null) {
                out.put(alias, v);
              }
            }
          });
      return out;
    }
  }

  /** Up to {@value #MAX} label groups sharing at least one key with the selector, nearest first. */
  static List<Candidate> of(Map<String, String> selector, List<Labelled> labelled) {
    Map<Map<String, String>, List<Labelled>> groups = new LinkedHashMap<>();
    for (Labelled l : labelled) {
      Map<String, String> labels = withoutHash(l.labels());
      groups.computeIfAbsent(labels, k -> new ArrayList<>()).add(l);
    }
    List<Candidate> candidates = new ArrayList<>();
    groups.forEach(
        (labels, members) -> {
          int equal = 0;
          int shared = 0;
          for (Map.Entry<String, String> e : selector.entrySet()) {
            if (labels.containsKey(e.getKey())) {
              shared++;
            }
            if (Objects.equals(labels.get(e.getKey()), e.getValue())
                || nameAlias(e.getKey(), e.getValue(), labels) != null) {
              equal++;
            }
          }
          if (shared > 0 || similarValue(selector, labels)) {
            candidates.add(new Candidate(labels, members, equal, shared));
          }
        });
    List<Candidate> sorted =
        candidates.stream()
            .sorted(
                Comparator.comparingInt(Candidate::equal)
                    .thenComparingInt(Candidate::sharedKeys)
                    .thenComparingInt(c -> c.members().size())
                    .reversed())
            .toList();
    // once some pods carry a selector value, pods that carry none are only noise
    int best = sorted.isEmpty() ? 0 : sorted.get(0).equal();
    return sorted.stream().filter(c -> best == 0 || c.equal() > 0).limit(MAX).toList();
  }

  /**
   * Another name key of {@code labels} holding {@code value}, when {@code key} is a name key
   * ("app.kubernetes.io/name" for app=inventory on pods labelled app.kubernetes.io/name=inventory).
   */
  private static String nameAlias(String key, String value, Map<String, String> labels) {
    if (!NAME_KEYS.contains(key)) {
      return null;
    }
    return NAME_KEYS.stream()
        .filter(k -> !k.equals(key) && value.equals(labels.get(k)))
        .findFirst()
        .orElse(null);
  }

  /** A label value containing a selector value ("reviews-v2" for "reviews") under another key. */
  private static boolean similarValue(Map<String, String> selector, Map<String, String> labels) {
    return selector.values().stream()
        .anyMatch(v -> v.length() >= 3 && labels.values().stream().anyMatch(l -> l.contains(v)));
  }

  /** pod-template-hash differs per ReplicaSet and never matters to a Service selector. */
  private static Map<String, String> withoutHash(Map<String, String> labels) {
    Map<String, String> copy = new TreeMap<>(labels);
    copy.remove("pod-template-hash");
    copy.remove("controller-revision-hash");
    copy.remove("statefulset.kubernetes.io/pod-name");
    return copy;
  }
}
