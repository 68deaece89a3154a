package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pods the kubelet evicted (status reason {@code Evicted}) or the scheduler preempted, by reason as
 * the kubelet wrote it: the node ran low on memory or disk ({@code The node was low on resource:
 * memory. Threshold quantity: 100Mi, available: 85432Ki. Container x was using 2918400Ki, request
 * is 64Mi…}), a pod over its ephemeral-storage limit, an emptyDir over its size limit, a node
 * condition. Evictions within the last hour are a cause; older ones a note (the workload
 * recovered).
 */
public final class EvictionAnalyzer implements Analyzer {
  /** The reason of its notes, which the engine reads as "recovered". */
  public static final String REASON = "Evicted";

  static final Duration RECENT = Duration.ofHours(1);
  static final Duration WINDOW = Duration.ofDays(1);

  private static final Pattern LOW = Pattern.compile("low on resource: ([\\w/-]+(?:\\.[\\w/-]+)*)");
  private static final Pattern THRESHOLD =
      Pattern.compile("Threshold quantity: ([^,]+), available: ([^.\\s]+)");
  private static final Pattern USING =
      Pattern.compile(
          "Container ([\\w.-]+) was using ([^,]+), request is ([^,]+), has larger consumption");

  private final Clock clock;

  public EvictionAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, String message, Instant at) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    Instant since = clock.instant().minus(WINDOW);
    for (Pod pod : facts.pods()) {
      if (pod.getStatus() == null) {
        continue;
      }
      String reason = pod.getStatus().getReason();
      Optional<PodCondition> disruption =
          Pods.condition(pod, "DisruptionTarget").filter(c -> "True".equals(c.getStatus()));
      boolean evicted =
          "Evicted".equals(reason)
              || disruption.map(c -> "TerminationByKubelet".equals(c.getReason())).orElse(false);
      boolean preempted =
          disruption.map(c -> "PreemptionByScheduler".equals(c.getReason())).orElse(false);
      if (!evicted && !preempted) {
        continue;
      }
      Instant at = at(pod, disruption);
      if (at.isBefore(since)) {
        continue;
      }
      String message =
          pod.getStatus().getMessage() != null
              ? pod.getStatus().getMessage()
              : disruption
                  .map(PodCondition::getMessage)
                  .orElse(preempted ? "preempted by a pod of higher priority" : "evicted");
      hits.add(new Hit(pod, message, at));
    }
    Comparator<Hit> newest = Comparator.comparing(Hit::at).reversed();
    return PodGroup.of(hits, Hit::pod, h -> "", newest).stream().map(this::finding).toList();
  }

  private Finding finding(PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String m = hit.message();
    int n = group.others().size() + 1;
    boolean recent = hit.at().isAfter(clock.instant().minus(RECENT));
    String resource = match(LOW, m, 1).orElse(null);
    Matcher using = USING.matcher(m);
    String consumer = null;
    if (using.find()) {
      consumer =
          "container "
              + using.group(1)
              + " used "
              + human(using.group(2))
              + " against a request of "
              + human(using.group(3));
    }
    String why;
    if (resource != null) {
      why =
          "node "
              + Evidence.orDash(Pods.nodeName(pod))
              + " ran low on "
              + resource
              + match(THRESHOLD, m, 1)
                  .map(
                      t ->
                          " (eviction threshold "
                              + t
                              + ", "
                              + human(match(THRESHOLD, m, 2).orElse("?"))
                              + " left)")
                  .orElse("")
              + (consumer == null ? "" : "; " + consumer);
    } else if (m.contains("ephemeral local storage")
        || m.contains("EmptyDir")
        || m.contains("local ephemeral storage")) {
      why = m.strip();
    } else if (m.contains("had condition")) {
      why = "the node was under pressure: " + m.strip();
    } else {
      why = m.strip();
    }
    Finding.Builder b =
        Finding.builder(
                recent ? Finding.Severity.WARNING : Finding.Severity.INFO,
                "Eviction",
                Pods.refOf(pod))
            .role(recent ? Finding.Role.CAUSE : Finding.Role.NOTE)
            .reason(REASON)
            .affects(group.pods(Hit::pod))
            .query("pod evicted node low on resource " + (resource == null ? "" : resource))
            .summary(
                (recent ? "had " : "had ")
                    + n
                    + (n == 1 ? " pod" : " pods")
                    + " evicted, last "
                    + Evidence.ago(clock, hit.at())
                    + ": "
                    + why);
    b.evidence("pod " + Pods.ref(pod) + ": Failed, reason Evicted — " + m);
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if ("memory".equals(resource)) {
      b.fix(
          "set the memory request of "
              + (using.find(0) ? using.group(1) : "the container")
              + " close to what it really uses"
              + (consumer == null ? "" : " (" + human(using.group(2)) + ")")
              + " and a memory limit, so the scheduler reserves it and the kubelet evicts it last");
      b.blames(ObjectRef.node(Evidence.orDash(Pods.nodeName(pod))));
    } else if (resource != null && resource.contains("storage")
        || m.contains("ephemeral")
        || m.contains("EmptyDir")) {
      b.fix(
          "set ephemeral-storage requests/limits and write less to the container filesystem (logs, caches, temp files), or use a volume");
      b.blames(ObjectRef.node(Evidence.orDash(Pods.nodeName(pod))));
    } else if (m.toLowerCase(java.util.Locale.ROOT).contains("preempt")) {
      b.fix("pods of higher priority took its place: give it a PriorityClass or add capacity");
    } else {
      b.fix(
          "find what pressed the node (kubectl describe node "
              + Evidence.orDash(Pods.nodeName(pod))
              + ") and set requests that match real use");
    }
    return b.build();
  }

  private static Instant at(Pod pod, Optional<PodCondition> disruption) {
    return disruption
        .flatMap(c -> Evidence.instant(c.getLastTransitionTime()))
        .or(
            () ->
                Pods.condition(pod, "Ready")
                    .flatMap(c -> Evidence.instant(c.getLastTransitionTime())))
        .or(() -> Evidence.instant(pod.getStatus().getStartTime()))
        .orElse(Instant.EPOCH);
  }

  /** "2918400Ki" → "2850Mi"; other quantities as written. */
  static String human(String quantity) {
    try {
      BigDecimal bytes = Quantity.getAmountInBytes(new Quantity(quantity.strip()));
      return bytes.compareTo(BigDecimal.valueOf(1024L * 1024)) >= 0
          ? Quantities.mebibytes(bytes)
          : quantity.strip();
    } catch (RuntimeException e) {
      return quantity.strip();
    }
  }

  private static Optional<String> match(Pattern p, String text, int group) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(group).strip()) : Optional.empty();
  }
}
