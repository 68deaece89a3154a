package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Controllers that cannot create their pods (events {@code FailedCreate} on ReplicaSets,
 * StatefulSets, DaemonSets and Jobs, or a Deployment's {@code ReplicaFailure} condition), by the
 * API server's reason as the controller quotes it: a ResourceQuota that is exhausted (with the
 * numbers), an admission webhook that denied or could not be called, a PodSecurity violation, a
 * LimitRange, a missing ServiceAccount.
 */
public final class FailedCreateAnalyzer implements Analyzer {
  private static final List<String> KINDS =
      List.of("ReplicaSet", "StatefulSet", "DaemonSet", "Job");

  private final Clock clock;

  public FailedCreateAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    Map<ObjectRef, List<EventLines.Folded>> failing = new LinkedHashMap<>();
    for (var e : facts.events()) {
      var ref = e.getInvolvedObject();
      if (ref == null || !"FailedCreate".equals(e.getReason()) || !KINDS.contains(ref.getKind())) {
        continue;
      }
      String ns = ref.getNamespace() != null ? ref.getNamespace() : e.getMetadata().getNamespace();
      ObjectRef controller = new ObjectRef(ref.getKind(), ns, ref.getName());
      failing.computeIfAbsent(
          controller,
          c ->
              EventLines.about(
                  facts.events(), c.kind(), c.namespace(), c.name(), Set.of("FailedCreate"), null));
    }
    List<Finding> out = new ArrayList<>();
    failing.forEach(
        (controller, events) -> out.add(finding(controller, events.getFirst().message(), events)));
    for (Deployment d : facts.related().deployments()) {
      if (d.getStatus() == null || d.getStatus().getConditions() == null) {
        continue;
      }
      for (DeploymentCondition c : d.getStatus().getConditions()) {
        boolean quoted =
            failing.keySet().stream()
                .anyMatch(
                    k ->
                        k.kind().equals("ReplicaSet")
                            && k.name().startsWith(d.getMetadata().getName() + "-"));
        if ("ReplicaFailure".equals(c.getType())
            && "True".equals(c.getStatus())
            && !quoted
            && c.getMessage() != null) {
          out.add(
              finding(
                  new ObjectRef(
                      "Deployment", d.getMetadata().getNamespace(), d.getMetadata().getName()),
                  c.getMessage(),
                  List.of()));
        }
      }
    }
    return out;
  }

  private Finding finding(ObjectRef controller, String message, List<EventLines.Folded> events) {
    CreateRefusal why = CreateRefusal.classify(message, controller);
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "FailedCreate", controller)
            .reason(why.reason())
            .summary("cannot create pods: " + why.text())
            .fix(why.fix())
            .query(why.query())
            .evidence(controller + ": FailedCreate — " + message)
            .evidence(EventLines.lines(events, clock));
    if (why.blames() != null) {
      b.blames(why.blames());
    }
    return b.build();
  }
}
