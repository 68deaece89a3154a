package lookout.agent.resolve;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.CommonWords;

/**
 * "lchen's notebook won't start" where statefulset notebook-lchen and claims notebook-home-lchen,
 * notebook-home-wzhang all match: starting, running and pending are things workloads do, so the
 * question is about the workload whose name holds the most of the written words — its claims are
 * read as part of its diagnosis. A question about storage keeps the claims (the kind words pick).
 */
final class WorkloadOverClaims {
  private static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  /** Words about a workload's life, not about storage. */
  private static final Pattern ACTIVITY =
      Pattern.compile(
          "start|run|pending|ready|crash|restart|schedul|come up|boot|launch|deploy|"
              + "起不来|启动|起来|运行|调度|就绪|重启|挂了|卡住",
          Pattern.CASE_INSENSITIVE);

  private WorkloadOverClaims() {}

  static List<ObjectRef> prefer(List<ObjectRef> refs, String text) {
    if (refs.size() < 2 || text == null || !ACTIVITY.matcher(text).find()) {
      return refs;
    }
    List<ObjectRef> workloads = refs.stream().filter(r -> WORKLOADS.contains(r.kind())).toList();
    long claims = refs.stream().filter(r -> r.kind().equals("PersistentVolumeClaim")).count();
    if (workloads.isEmpty() || claims == 0 || workloads.size() + claims != refs.size()) {
      return refs;
    }
    List<String> words =
        Mentions.words(text).stream()
            .map(w -> Names.squash(w.text().replaceAll("['’]s$", "")))
            .filter(w -> w.length() >= 3 && !CommonWords.common(w))
            .toList();
    Comparator<ObjectRef> byWords = Comparator.comparingLong(r -> held(r, words));
    ObjectRef best = workloads.stream().max(byWords).orElseThrow();
    long bestScore = held(best, words);
    boolean unique = workloads.stream().filter(r -> held(r, words) == bestScore).count() == 1;
    boolean atLeastClaims =
        refs.stream()
            .filter(r -> !WORKLOADS.contains(r.kind()))
            .allMatch(r -> held(r, words) <= bestScore);
    return unique && bestScore > 0 && atLeastClaims ? List.of(best) : refs;
  }

  private static long held(ObjectRef ref, List<String> words) {
    String name = Names.squash(ref.name());
    return words.stream().filter(name::contains).count();
  }
}
