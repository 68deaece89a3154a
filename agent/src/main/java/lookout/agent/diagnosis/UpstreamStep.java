package lookout.agent.diagnosis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.LogSource;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.cluster.FactsGatherer;

/**
 * Follows a target's failing calls to the Service they go to. A workload whose log names a Service
 * it cannot reach (by ClusterIP or DNS name, {@link Upstream}), where that Service's own diagnosis
 * finds a cause: with no cause of its own (healthy, or only a symptom) that is the answer
 * ("cdn-origin returns 502" → the Service behind it forwards to a port nobody listens on); with one
 * ("cannot reach 172.20.91.3:6379, so readiness fails") it is the deeper cause under it. Calls to
 * an address that names no Service ("503 UH no_healthy_upstream") point at the Services of the
 * namespace that fail now.
 */
final class UpstreamStep {
  private static final Set<String> CALLERS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "Service", "Ingress");

  /** At most this many failing Services of the namespace are named as the likely upstream. */
  static final int SUSPECTS = 3;

  private final FactsGatherer gatherer;
  private final BiFunction<ClusterFacts, List<String>, Diagnosis> rank;
  private final Function<ClusterFacts, List<Finding>> findings;

  UpstreamStep(
      FactsGatherer gatherer,
      BiFunction<ClusterFacts, List<String>, Diagnosis> rank,
      Function<ClusterFacts, List<Finding>> findings) {
    this.gatherer = gatherer;
    this.rank = rank;
    this.findings = findings;
  }

  Diagnosis apply(Diagnosis own, LogSource logs) {
    if (!CALLERS.contains(own.target().kind()) || own.target().namespace() == null) {
      return own;
    }
    Optional<Upstream> upstream =
        Upstream.in(own.facts(), () -> gatherer.services(own.target().namespace()));
    if (upstream.isEmpty()) {
      return own;
    }
    boolean ownCause = own.cause().isPresent() && own.cause().get().role() == Finding.Role.CAUSE;
    if (!upstream.get().named()) {
      return ownCause ? own : failingNeighbours(own, upstream.get().line(), logs);
    }
    FactsGatherer.Gathered behind = gatherer.gather(upstream.get().service(), logs);
    Diagnosis theirs = rank.apply(behind.facts(), behind.unreadable());
    if (theirs.verdict() != Diagnosis.Verdict.BROKEN || theirs.cause().isEmpty()) {
      return own;
    }
    if (ownCause) {
      Finding behindIt = theirs.cause().get();
      List<Finding> deeper = new ArrayList<>();
      deeper.add(behindIt);
      deeper.addAll(own.deeper());
      return new Diagnosis(
          own.target(),
          own.verdict(),
          own.headline() + " — " + behindIt.about() + " " + behindIt.summary(),
          own.cause(),
          deeper,
          own.others(),
          own.explained(),
          own.notes(),
          own.state(),
          own.unreadable(),
          own.facts());
    }
    Finding call =
        call(
                own.target(),
                "cannot reach " + upstream.get().service() + ", its log says",
                upstream.get())
            .blames(upstream.get().service())
            .build();
    List<Finding> explained = new ArrayList<>(theirs.explained());
    explained.add(call);
    explained.addAll(own.failures());
    return new Diagnosis(
        own.target(),
        Diagnosis.Verdict.BROKEN,
        own.target() + " fails at the Service it calls: " + theirs.headline(),
        theirs.cause(),
        theirs.deeper(),
        theirs.others(),
        explained,
        own.notes(),
        own.state(),
        java.util.stream.Stream.concat(own.unreadable().stream(), theirs.unreadable().stream())
            .distinct()
            .toList(),
        own.facts());
  }

  private Diagnosis failingNeighbours(Diagnosis own, String line, LogSource logs) {
    Set<ObjectRef> ownServices = new HashSet<>();
    own.facts()
        .related()
        .services()
        .forEach(
            s ->
                ownServices.add(
                    new ObjectRef(
                        "Service", s.getMetadata().getNamespace(), s.getMetadata().getName())));
    ClusterFacts namespace = gatherer.forNamespace(own.target().namespace(), logs);
    List<Finding> suspects =
        findings.apply(namespace).stream()
            .filter(f -> f.about().kind().equals("Service") && !ownServices.contains(f.about()))
            .filter(f -> f.severity().compareTo(Finding.Severity.WARNING) <= 0)
            .limit(SUSPECTS)
            .toList();
    if (suspects.isEmpty()) {
      return own;
    }
    String named =
        String.join("; ", suspects.stream().map(f -> f.about() + " " + f.summary()).toList());
    Finding call =
        call(
                own.target(),
                "has failing calls in its log, to an address that names no Service",
                new Upstream(null, line))
            .build();
    List<Finding> explained = new ArrayList<>(own.explained());
    explained.add(call);
    return new Diagnosis(
        own.target(),
        Diagnosis.Verdict.BROKEN,
        own.target()
            + "'s calls fail (its log), and in namespace "
            + own.target().namespace()
            + (suspects.size() == 1 ? " one Service fails: " : " these Services fail: ")
            + named,
        Optional.of(suspects.getFirst()),
        List.of(),
        suspects.subList(1, suspects.size()),
        explained,
        own.notes(),
        own.state(),
        own.unreadable(),
        own.facts());
  }

  private static Finding.Builder call(ObjectRef target, String summary, Upstream upstream) {
    return Finding.builder(Finding.Severity.WARNING, "Upstream", target)
        .role(Finding.Role.SYMPTOM)
        .reason("UpstreamFailing")
        .summary(summary)
        .evidence("log: " + upstream.line());
  }
}
