package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lookout.approvals.RollbackWorkload;

/**
 * Deployments whose rollout does not finish: the newest ReplicaSet's pods do not become ready
 * (ProgressDeadlineExceeded when the controller gave up), while the pods of an older revision may
 * still serve — the finding says which revision and image serve and which are stuck, and offers a
 * roll back to the older revision. A symptom: the new pods' own findings say why.
 */
public final class RolloutAnalyzer implements Analyzer {
  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    return facts.related().deployments().stream()
        .map(d -> finding(facts, d))
        .flatMap(Optional::stream)
        .toList();
  }

  private Optional<Finding> finding(ClusterFacts facts, Deployment d) {
    String name = d.getMetadata().getName();
    int wanted =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    if (wanted == 0) {
      return Optional.empty();
    }
    List<ReplicaSet> sets =
        facts.related().replicaSets().stream()
            .filter(rs -> Controllers.ownedBy(rs, "Deployment", name))
            .sorted(Comparator.comparingLong(Controllers::revision).reversed())
            .toList();
    Optional<DeploymentCondition> progressing = condition(d, "Progressing");
    boolean deadline =
        progressing.map(c -> "ProgressDeadlineExceeded".equals(c.getReason())).orElse(false);
    boolean paused = d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused());
    if (sets.isEmpty()) {
      // its ReplicaSets were not read (or not yet created): the controller's verdict is enough
      return deadline ? Optional.of(fromStatus(d, progressing.get())) : Optional.empty();
    }
    ReplicaSet newest = sets.getFirst();
    List<Pod> newPods = Controllers.pods(facts, "ReplicaSet", newest.getMetadata().getName());
    int newReady = (int) newPods.stream().filter(Controllers::ready).count();
    if (newest.getStatus() != null && newPods.isEmpty()) {
      newReady = Controllers.n(newest.getStatus().getReadyReplicas());
    }
    List<ReplicaSet> serving =
        sets.subList(1, sets.size()).stream()
            .filter(
                rs ->
                    rs.getStatus() != null && Controllers.n(rs.getStatus().getReadyReplicas()) > 0)
            .toList();
    boolean incomplete = newReady < wanted;
    if (!incomplete || (!deadline && serving.isEmpty() && !paused && sets.size() == 1)) {
      return Optional.empty(); // a first rollout that is merely not ready is for the pod findings
    }
    ObjectRef about = Controllers.ref(d);
    StringBuilder summary = new StringBuilder();
    if (paused) {
      summary
          .append("rollout is paused (spec.paused) at revision ")
          .append(Controllers.revision(newest));
    } else {
      summary
          .append("rollout to revision ")
          .append(Controllers.revision(newest))
          .append(" (")
          .append(Controllers.shortImages(newest.getSpec().getTemplate()))
          .append(") is ")
          .append(deadline ? "stuck (ProgressDeadlineExceeded)" : "not finished")
          .append(": ")
          .append(newReady)
          .append('/')
          .append(wanted)
          .append(" new pods ready");
    }
    for (ReplicaSet old : serving.stream().limit(2).toList()) {
      summary
          .append("; revision ")
          .append(Controllers.revision(old))
          .append(" (")
          .append(Controllers.shortImages(old.getSpec().getTemplate()))
          .append(") still serves ")
          .append(Controllers.n(old.getStatus().getReadyReplicas()))
          .append(" pod")
          .append(Controllers.n(old.getStatus().getReadyReplicas()) == 1 ? "" : "s");
    }
    if (serving.isEmpty() && !paused) {
      summary.append("; no older revision serves");
    }
    Finding.Builder b =
        Finding.builder(
                serving.isEmpty() ? Finding.Severity.CRITICAL : Finding.Severity.WARNING,
                "Rollout",
                about)
            .role(paused ? Finding.Role.CAUSE : Finding.Role.SYMPTOM)
            .reason(
                deadline
                    ? "ProgressDeadlineExceeded"
                    : paused ? "DeploymentPaused" : "RolloutInProgress")
            .summary(summary.toString())
            .query("deployment rollout stuck ProgressDeadlineExceeded new replicaset");
    newPods.stream().filter(p -> !Controllers.ready(p)).forEach(p -> b.affects(Pods.refOf(p)));
    progressing.ifPresent(
        c ->
            b.evidence(
                about
                    + ": Progressing="
                    + c.getStatus()
                    + " "
                    + Evidence.orDash(c.getReason())
                    + " — "
                    + Evidence.orDash(c.getMessage())));
    for (ReplicaSet rs : sets.stream().limit(3).toList()) {
      b.evidence(
          "replicaset "
              + rs.getMetadata().getName()
              + " revision "
              + Controllers.revision(rs)
              + " image "
              + Controllers.images(rs.getSpec().getTemplate())
              + " ready "
              + (rs.getStatus() == null ? 0 : Controllers.n(rs.getStatus().getReadyReplicas()))
              + "/"
              + (rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas()));
    }
    if (paused) {
      b.fix(
          "resume it: kubectl rollout resume deployment/"
              + name
              + " -n "
              + d.getMetadata().getNamespace());
    } else {
      previous(sets, serving)
          .ifPresent(
              rs ->
                  b.suggest(
                      new RollbackWorkload(
                          facts.cluster(),
                          d.getMetadata().getNamespace(),
                          "Deployment",
                          name,
                          Controllers.revision(rs))));
      b.fix(
          "fix why the new pods fail (above), or roll back to the serving revision: kubectl rollout undo deployment/"
              + name
              + " -n "
              + d.getMetadata().getNamespace());
    }
    return Optional.of(b.build());
  }

  /**
   * The revision to offer a roll back to: the newest older one still serving, else the newest older
   * one whose image differs from the failing revision's (an earlier release that ran).
   */
  private static Optional<ReplicaSet> previous(List<ReplicaSet> sets, List<ReplicaSet> serving) {
    if (!serving.isEmpty()) {
      return Optional.of(serving.getFirst());
    }
    String failing = Controllers.images(sets.getFirst().getSpec().getTemplate());
    return sets.subList(1, sets.size()).stream()
        .filter(rs -> Controllers.revision(rs) > 0)
        .filter(rs -> !Controllers.images(rs.getSpec().getTemplate()).equals(failing))
        .findFirst();
  }

  private static Finding fromStatus(Deployment d, DeploymentCondition progressing) {
    var s = d.getStatus();
    int wanted = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    return Finding.builder(Finding.Severity.WARNING, "Rollout", Controllers.ref(d))
        .role(Finding.Role.SYMPTOM)
        .reason("ProgressDeadlineExceeded")
        .summary(
            "rollout is stuck (ProgressDeadlineExceeded): "
                + Controllers.n(s.getUpdatedReplicas())
                + "/"
                + wanted
                + " updated, "
                + Controllers.n(s.getAvailableReplicas())
                + " available")
        .evidence(
            Controllers.ref(d)
                + ": Progressing=False ProgressDeadlineExceeded — "
                + Evidence.orDash(progressing.getMessage()))
        .evidence(Controllers.ref(d) + ": images " + Controllers.images(d.getSpec().getTemplate()))
        .fix(
            "see why the new pods do not become ready (ask about the deployment), or roll back: kubectl rollout undo deployment/"
                + d.getMetadata().getName()
                + " -n "
                + d.getMetadata().getNamespace())
        .query("deployment rollout stuck ProgressDeadlineExceeded")
        .build();
  }

  static Optional<DeploymentCondition> condition(Deployment d, String type) {
    return d.getStatus() == null
        ? Optional.empty()
        : Pods.stream(d.getStatus().getConditions())
            .filter(c -> type.equals(c.getType()))
            .findFirst();
  }
}
