package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DaemonSets that do not run everywhere they should: scheduled on no node at all (a selector no
 * node matches, taints every node has), daemon pods missing or unavailable on some nodes, pods on
 * nodes they should not be on, or failed daemon pods the controller keeps replacing.
 */
public final class DaemonSetAnalyzer implements Analyzer {
  private final Clock clock;

  public DaemonSetAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (DaemonSet ds : facts.related().daemonSets()) {
      DaemonSetStatus s = ds.getStatus();
      if (s == null) {
        continue;
      }
      ObjectRef about = Controllers.ref(ds);
      int desired = Controllers.n(s.getDesiredNumberScheduled());
      int current = Controllers.n(s.getCurrentNumberScheduled());
      int ready = Controllers.n(s.getNumberReady());
      int unavailable = Controllers.n(s.getNumberUnavailable());
      List<EventLines.Folded> failed =
          EventLines.about(
              facts.events(),
              "DaemonSet",
              about.namespace(),
              about.name(),
              Set.of("FailedDaemonPod"),
              null);
      String counts =
          "desired "
              + desired
              + ", scheduled "
              + current
              + ", ready "
              + ready
              + ", unavailable "
              + unavailable
              + ", misscheduled "
              + Controllers.n(s.getNumberMisscheduled());
      if (desired == 0) {
        Finding.Builder b =
            Finding.builder(Finding.Severity.WARNING, "DaemonSet", about)
                .reason("NoNodesSelected")
                .summary(
                    "runs on no node: no node matches its node selector, affinity and tolerations")
                .evidence(about + ": " + counts)
                .query("daemonset desired number scheduled 0 node selector taints");
        List<String> sel =
            ds.getSpec().getTemplate().getSpec().getNodeSelector() == null
                ? List.of()
                : ds.getSpec().getTemplate().getSpec().getNodeSelector().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .toList();
        if (!sel.isEmpty()) {
          b.evidence("node selector: " + String.join(", ", sel));
        }
        b.fix(
            "label the nodes it should run on with its nodeSelector, or add tolerations for the nodes' taints");
        out.add(b.build());
        continue;
      }
      if (ready >= desired && current >= desired && failed.isEmpty()) {
        continue;
      }
      Finding.Builder b =
          Finding.builder(Finding.Severity.WARNING, "DaemonSet", about)
              .role(Finding.Role.SYMPTOM)
              .reason("DaemonSetUnavailable")
              .summary(
                  "is unavailable on "
                      + Math.max(unavailable, desired - ready)
                      + " of "
                      + desired
                      + " nodes"
                      + (current < desired ? " (not scheduled on " + (desired - current) + ")" : "")
                      + "; "
                      + ready
                      + "/"
                      + desired
                      + " ready")
              .evidence(about + ": " + counts)
              .query("daemonset pods unavailable not scheduled");
      b.evidence(EventLines.lines(failed, clock));
      for (Pod p : Controllers.pods(facts, "DaemonSet", about.name())) {
        if (!Controllers.ready(p)) {
          b.affects(Pods.refOf(p));
        }
      }
      b.fix(
          "fix the failing daemon pods (their findings above); for nodes with none, check the nodes' taints and the DaemonSet's tolerations");
      out.add(b.build());
    }
    return out;
  }
}
