package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CronJobs whose runs do not happen or do not work: the last run failed (with the failing pod's
 * error lines), suspended, runs skipped because concurrencyPolicy Forbid meets a job that never
 * ends, scheduled runs missed (lastScheduleTime behind the schedule; the controller's MissSchedule
 * / TooManyMissedTimes / FailedCreate events say why), a schedule or time zone the controller
 * rejects. Every finding names the last successful run (status.lastSuccessfulTime). A CronJob the
 * question names and that works gets an INFO finding saying when it last succeeded.
 */
public final class CronJobAnalyzer implements Analyzer {
  /** A run counts as missed only after this; the controller starts runs within seconds. */
  static final Duration GRACE = Duration.ofMinutes(2);

  private static final Set<String> EVENTS =
      Set.of(
          "MissSchedule",
          "TooManyMissedTimes",
          "FailedNeedsStart",
          "FailedCreate",
          "JobAlreadyActive",
          "UnparseableSchedule",
          "InvalidSchedule",
          "UnknownTimeZone",
          "FailedGet");

  private final Clock clock;

  public CronJobAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (CronJob cron : facts.related().cronJobs()) {
      List<Job> runs =
          facts.related().jobs().stream()
              .filter(j -> Meta.name(cron).equals(owner(j)) && Meta.in(j, Meta.namespace(cron)))
              .sorted(JobRuns.newestFirst())
              .toList();
      analyze(facts, cron, runs).ifPresent(findings::add);
    }
    return findings;
  }

  private Optional<Finding> analyze(ClusterFacts facts, CronJob cron, List<Job> runs) {
    String subject = Meta.subject("CronJob", cron);
    ObjectRef about = Meta.ref("CronJob", cron);
    boolean asked = Meta.isTarget(facts, "CronJob", cron);
    List<String> evidence = new ArrayList<>();
    evidence.add(statusLine(cron));
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(), "CronJob", Meta.namespace(cron), Meta.name(cron), EVENTS, null);
    Optional<Job> last = runs.stream().findFirst();
    Optional<Job> active = runs.stream().filter(j -> !JobRuns.finished(j)).findFirst();
    String lastSuccess = lastSuccess(cron);

    if (cron.getSpec() != null && Boolean.TRUE.equals(cron.getSpec().getSuspend())) {
      evidence.add(
          Meta.fix(
              "resume it when intended: kubectl patch cronjob "
                  + Meta.name(cron)
                  + " -n "
                  + Meta.namespace(cron)
                  + " --type=merge -p '{\"spec\":{\"suspend\":false}}'"));
      return Optional.of(
          finding(
              asked ? Finding.Severity.WARNING : Finding.Severity.INFO,
              "CronJobSuspended",
              about,
              subject + " is suspended: no runs start (" + lastSuccess + ")",
              evidence));
    }
    Optional<EventLines.Folded> rejected =
        events.stream()
            .filter(
                e ->
                    Set.of("UnparseableSchedule", "InvalidSchedule", "UnknownTimeZone")
                        .contains(e.reason()))
            .findFirst();
    Optional<CronSchedule> schedule =
        CronSchedule.parse(
            cron.getSpec() == null ? null : cron.getSpec().getSchedule(),
            cron.getSpec() == null ? null : cron.getSpec().getTimeZone());
    if (rejected.isPresent() || schedule.isEmpty()) {
      evidence.addAll(EventLines.lines(events, clock));
      evidence.add(
          Meta.fix(
              "write the schedule as five cron fields (minute hour day month weekday) and spec.timeZone as an IANA name, e.g. \"30 2 * * *\" with timeZone Europe/Berlin"));
      return Optional.of(
          finding(
              Finding.Severity.CRITICAL,
              "CronJobSchedule",
              about,
              subject + " never runs: the controller rejects its schedule " + quoted(cron),
              evidence));
    }
    if (last.isPresent() && JobRuns.failed(last.get())) {
      Job job = last.get();
      evidence.addAll(JobRuns.evidence(job, facts.pods(), facts.logs(), clock));
      evidence.add(
          Meta.fix(
              JobRuns.fix(
                  job,
                  "run it now with kubectl create job "
                      + Meta.name(cron)
                      + "-manual --from=cronjob/"
                      + Meta.name(cron)
                      + " -n "
                      + Meta.namespace(cron))));
      String reason =
          JobRuns.condition(job, "Failed").map(c -> Evidence.orDash(c.getReason())).orElse("-");
      return Optional.of(
          finding(
              Finding.Severity.CRITICAL,
              "CronJobFailed",
              about,
              subject
                  + " failed on its last run "
                  + Meta.name(job)
                  + ": "
                  + reason
                  + " ("
                  + lastSuccess
                  + ")"
                  + JobAnalyzer.firstLog(evidence),
              evidence));
    }
    Optional<Finding> refused = refusedRun(facts, cron, active, evidence, lastSuccess);
    if (refused.isPresent()) {
      return refused;
    }
    Instant now = clock.instant();
    Instant since =
        Evidence.instant(cron.getStatus() == null ? null : cron.getStatus().getLastScheduleTime())
            .or(
                () ->
                    Evidence.instant(
                        cron.getMetadata() == null
                            ? null
                            : cron.getMetadata().getCreationTimestamp()))
            .orElse(now);
    CronSchedule.Due due = schedule.get().due(since, now.minus(GRACE), 101);
    boolean forbid = forbids(cron);
    if (due.count() > 0 && forbid && active.isPresent()) {
      Job stuck = active.get();
      evidence.add(
          Evidence.clip(
              "job "
                  + Meta.ref(stuck)
                  + ": still running, started "
                  + Evidence.ago(clock, JobRuns.started(stuck))));
      evidence.addAll(EventLines.lines(events, clock));
      evidence.add(
          Meta.fix(
              "find out why job "
                  + Meta.name(stuck)
                  + " does not finish (its pod's log), set activeDeadlineSeconds on the job template so a hung run ends, then delete the stuck job"));
      return Optional.of(
          finding(
              Finding.Severity.WARNING,
              "CronJobBlocked",
              about,
              subject
                  + " skips its runs: job "
                  + Meta.name(stuck)
                  + " has been running since "
                  + Evidence.ago(clock, JobRuns.started(stuck))
                  + " and concurrencyPolicy is Forbid ("
                  + lastSuccess
                  + ")",
              evidence));
    }
    if (due.count() > 0) {
      evidence.add(
          Evidence.clip(
              "schedule "
                  + quoted(cron)
                  + ": "
                  + (due.count() > 100 ? "more than 100" : String.valueOf(due.count()))
                  + " run(s) due since "
                  + Evidence.ago(clock, since)
                  + ", the last at "
                  + due.last()));
      evidence.addAll(EventLines.lines(events, clock));
      Optional<EventLines.Folded> failedCreate =
          events.stream().filter(e -> "FailedCreate".equals(e.reason())).findFirst();
      boolean tooMany =
          events.stream()
              .anyMatch(e -> Set.of("TooManyMissedTimes", "FailedNeedsStart").contains(e.reason()));
      String fix =
          failedCreate.isPresent()
              ? "the controller cannot create the job: " + failedCreate.get().message()
              : tooMany
                  ? "set spec.startingDeadlineSeconds (e.g. 200) so the controller stops counting old misses, and check the kube-controller-manager clock"
                  : "check that kube-controller-manager is running and healthy; a startingDeadlineSeconds shorter than its delays skips runs";
      evidence.add(Meta.fix(fix));
      return Optional.of(
          finding(
              Finding.Severity.WARNING,
              "CronJobMissed",
              about,
              subject
                  + " missed "
                  + (due.count() > 100 ? "more than 100" : due.count())
                  + " scheduled run(s) since "
                  + Evidence.ago(clock, since)
                  + " ("
                  + lastSuccess
                  + ")",
              evidence));
    }
    if (!asked) {
      return Optional.empty();
    }
    last.ifPresent(
        j ->
            evidence.add(
                Evidence.clip(
                    "last run: job "
                        + Meta.name(j)
                        + " "
                        + JobRuns.outcome(j)
                        + ", started "
                        + Evidence.ago(clock, JobRuns.started(j)))));
    schedule.get().next(now).ifPresent(n -> evidence.add("next run: " + n));
    return Optional.of(
        finding(
            Finding.Severity.INFO,
            "CronJobLastRun",
            about,
            subject + " runs on schedule: " + lastSuccess,
            evidence));
  }

  /**
   * The running job has no pods because the API server refuses them (its FailedCreate events: a
   * missing ServiceAccount, quota, a webhook): the run never starts, and with Forbid every later
   * run is skipped behind it — the refusal is the cause, not the skipping.
   */
  private Optional<Finding> refusedRun(
      ClusterFacts facts,
      CronJob cron,
      Optional<Job> active,
      List<String> evidence,
      String lastSuccess) {
    if (active.isEmpty()) {
      return Optional.empty();
    }
    Job run = active.get();
    List<EventLines.Folded> refusals =
        EventLines.about(
            facts.events(),
            "Job",
            Meta.namespace(run),
            Meta.name(run),
            Set.of("FailedCreate"),
            null);
    if (refusals.isEmpty()) {
      return Optional.empty();
    }
    ObjectRef job = Meta.ref("Job", run);
    CreateRefusal why = CreateRefusal.classify(refusals.getFirst().message(), job);
    evidence.add(Evidence.clip(job + ": FailedCreate — " + refusals.getFirst().message(), 600));
    evidence.addAll(EventLines.lines(refusals, clock));
    evidence.add(Meta.fix(why.fix()));
    boolean forbid = forbids(cron);
    Finding.Builder b =
        Meta.finding(
                Finding.Severity.CRITICAL,
                "CronJobRunRefused",
                Meta.ref("CronJob", cron),
                "cannot start its run "
                    + Meta.name(run)
                    + ": the API server refuses its pods: "
                    + why.text()
                    + (forbid ? "; later runs are skipped while it stays active (Forbid)" : "")
                    + " ("
                    + lastSuccess
                    + ")",
                evidence)
            .reason(why.reason())
            .query(why.query());
    if (why.blames() != null) {
      b.blames(why.blames());
    }
    return Optional.of(b.build());
  }

  /** concurrencyPolicy Forbid: a run that never ends keeps every later one from starting. */
  private static boolean forbids(CronJob cron) {
    return cron.getSpec() != null && "Forbid".equals(cron.getSpec().getConcurrencyPolicy());
  }

  private String lastSuccess(CronJob cron) {
    String t = cron.getStatus() == null ? null : cron.getStatus().getLastSuccessfulTime();
    String ago = Evidence.ago(clock, t);
    return ago.isEmpty() ? "no successful run recorded" : "last success " + ago;
  }

  private String statusLine(CronJob cron) {
    var s = cron.getStatus();
    String last = s == null ? "" : Evidence.ago(clock, s.getLastScheduleTime());
    int active = s == null ? 0 : Pods.stream(s.getActive()).toList().size();
    return Evidence.clip(
        "cronjob "
            + Meta.ref(cron)
            + ": schedule "
            + quoted(cron)
            + (cron.getSpec() != null && cron.getSpec().getTimeZone() != null
                ? " " + cron.getSpec().getTimeZone()
                : "")
            + ", concurrencyPolicy "
            + Evidence.orDash(cron.getSpec() == null ? null : cron.getSpec().getConcurrencyPolicy())
            + ", last scheduled "
            + (last.isEmpty() ? "never" : last)
            + ", "
            + active
            + " active");
  }

  private static String quoted(CronJob cron) {
    return "\"" + (cron.getSpec() == null ? "" : cron.getSpec().getSchedule()) + "\"";
  }

  private static Finding finding(
      Finding.Severity severity,
      String analyzer,
      ObjectRef about,
      String summary,
      List<String> evidence) {
    return Meta.finding(severity, analyzer, about, summary, evidence).build();
  }

  /** The CronJob controlling a Job, or null. */
  static String owner(Job job) {
    if (job.getMetadata() == null) {
      return null;
    }
    return Pods.stream(job.getMetadata().getOwnerReferences())
        .filter(r -> "CronJob".equals(r.getKind()))
        .map(OwnerReference::getName)
        .findFirst()
        .orElse(null);
  }
}
