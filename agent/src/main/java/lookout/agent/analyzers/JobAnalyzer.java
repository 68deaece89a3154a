package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import lookout.approvals.RerunJob;

/**
 * Jobs that failed (the job controller's Failed condition: BackoffLimitExceeded, DeadlineExceeded,
 * PodFailurePolicy…) with the failing pod's exit and error lines, and suspended Jobs. A Job a
 * CronJob owns is left to {@link CronJobAnalyzer} when that CronJob is in the facts, and an old
 * failure is not news once a newer run of the same owner exists.
 */
public final class JobAnalyzer implements Analyzer {
  private final Clock clock;

  public JobAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (Job job : facts.related().jobs()) {
      boolean asked = Meta.isTarget(facts, "Job", job);
      String owner = CronJobAnalyzer.owner(job);
      boolean cronOwned =
          owner != null
              && facts.related().cronJobs().stream()
                  .anyMatch(c -> Meta.name(c).equals(owner) && Meta.in(c, Meta.namespace(job)));
      if (!asked && (cronOwned || !newestOfItsOwner(facts, job, owner))) {
        continue;
      }
      String subject = Meta.subject("Job", job);
      if (JobRuns.failed(job)) {
        List<String> evidence =
            new ArrayList<>(JobRuns.evidence(job, facts.pods(), facts.logs(), clock));
        evidence.add(
            Meta.fix(
                JobRuns.fix(
                    job,
                    "run it again (kubectl create job "
                        + Meta.name(job)
                        + "-retry --from="
                        + (owner == null ? "job/" + Meta.name(job) : "cronjob/" + owner)
                        + ")")));
        String reason =
            JobRuns.condition(job, "Failed").map(c -> Evidence.orDash(c.getReason())).orElse("-");
        Finding.Builder failed =
            Meta.finding(
                Finding.Severity.CRITICAL,
                "JobFailed",
                Meta.ref("Job", job),
                Evidence.clip(subject + " failed: " + reason + firstLog(evidence)),
                evidence);
        if ("BackoffLimitExceeded".equals(reason)) {
          // once what failed it is fixed (a dependency back, a secret added), the run is wanted
          // again: offered as a request, the approver judges whether the cause has cleared
          failed.suggest(
              owner == null
                  ? new RerunJob(facts.cluster(), Meta.namespace(job), "Job", Meta.name(job))
                  : new RerunJob(facts.cluster(), Meta.namespace(job), "CronJob", owner));
        }
        findings.add(failed.build());
      } else if (job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend())) {
        findings.add(
            Meta.finding(
                    asked ? Finding.Severity.WARNING : Finding.Severity.INFO,
                    "JobSuspended",
                    Meta.ref("Job", job),
                    subject + " is suspended: its pods are not started",
                    List.of(
                        "job " + Meta.ref(job) + ": spec.suspend=true",
                        Meta.fix(
                            "resume it when intended: kubectl patch job "
                                + Meta.name(job)
                                + " -n "
                                + Meta.namespace(job)
                                + " --type=merge -p '{\"spec\":{\"suspend\":false}}'")))
                .build());
      }
    }
    return findings;
  }

  /** " — ERROR could not connect…": the first error-like log line picked, or "" when none. */
  static String firstLog(List<String> evidence) {
    List<String> logged =
        evidence.stream()
            .filter(
                l ->
                    l.startsWith("log: ")
                        && !l.startsWith("log: no ")
                        && !l.startsWith("log: not ")
                        && !l.startsWith("log: could not read"))
            .map(l -> l.substring("log: ".length()))
            .toList();
    return logged.stream()
        .filter(ErrorLines::isError)
        .findFirst()
        .or(() -> logged.stream().findFirst())
        .map(l -> " — " + l)
        .orElse("");
  }

  private static boolean newestOfItsOwner(ClusterFacts facts, Job job, String owner) {
    if (owner == null) {
      return true;
    }
    return facts.related().jobs().stream()
        .filter(j -> owner.equals(CronJobAnalyzer.owner(j)) && Meta.in(j, Meta.namespace(job)))
        .noneMatch(j -> JobRuns.started(j).isAfter(JobRuns.started(job)));
  }
}
