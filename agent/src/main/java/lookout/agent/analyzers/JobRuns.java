package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How one Job run ended, as evidence: its Failed condition (BackoffLimitExceeded, DeadlineExceeded,
 * PodFailurePolicy… with the job controller's message), the newest failed pod's termination and the
 * error lines it logged. Shared by the Job and CronJob analyzers.
 */
final class JobRuns {
  private JobRuns() {}

  static Optional<JobCondition> condition(Job job, String type) {
    return job.getStatus() == null
        ? Optional.empty()
        : Pods.stream(job.getStatus().getConditions())
            .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
  }

  static boolean failed(Job job) {
    return condition(job, "Failed").isPresent();
  }

  static boolean succeeded(Job job) {
    return condition(job, "Complete").isPresent();
  }

  static boolean finished(Job job) {
    return failed(job) || succeeded(job);
  }

  /** When the job started (status.startTime, else its creation). */
  static Instant started(Job job) {
    String t =
        job.getStatus() != null && job.getStatus().getStartTime() != null
            ? job.getStatus().getStartTime()
            : job.getMetadata() == null ? null : job.getMetadata().getCreationTimestamp();
    return Evidence.instant(t).orElse(Instant.EPOCH);
  }

  static Comparator<Job> newestFirst() {
    return Comparator.comparing(JobRuns::started).reversed();
  }

  /** The pods of a job, by controller reference or the job-name labels. */
  static List<Pod> pods(List<Pod> pods, Job job) {
    String name = Meta.name(job);
    return pods.stream()
        .filter(p -> Pods.namespace(p).equals(Meta.namespace(job)))
        .filter(
            p ->
                Workload.of(p)
                        .map(w -> w.kind().equals("Job") && w.name().equals(name))
                        .orElse(false)
                    || name.equals(Meta.labels(p).get("batch.kubernetes.io/job-name"))
                    || name.equals(Meta.labels(p).get("job-name")))
        .toList();
  }

  /** "Failed (BackoffLimitExceeded: Job has reached the specified backoff limit)". */
  static String outcome(Job job) {
    return condition(job, "Failed")
        .map(
            c ->
                "Failed ("
                    + Evidence.orDash(c.getReason())
                    + (c.getMessage() == null ? "" : ": " + c.getMessage())
                    + ")")
        .or(() -> condition(job, "Complete").map(c -> "Complete"))
        .or(() -> condition(job, "Suspended").map(c -> "Suspended"))
        .orElse("Running");
  }

  /** The job's status line, its failed pod's termination and that pod's error lines. */
  static List<String> evidence(Job job, List<Pod> allPods, LogSource logs, Clock clock) {
    List<String> lines = new ArrayList<>();
    var s = job.getStatus();
    // pod counts as kubectl shows them, zeros left out: "0 succeeded" on a failed run reads like
    // a success being reported
    List<String> counted = new ArrayList<>();
    if (s != null && s.getSucceeded() != null && s.getSucceeded() > 0) {
      counted.add(s.getSucceeded() + " succeeded");
    }
    if (s != null && s.getFailed() != null && s.getFailed() > 0) {
      counted.add(s.getFailed() + " failed");
    }
    String counts = counted.isEmpty() ? "" : ", " + String.join(", ", counted);
    Integer backoff = job.getSpec() == null ? null : job.getSpec().getBackoffLimit();
    Long deadline = job.getSpec() == null ? null : job.getSpec().getActiveDeadlineSeconds();
    lines.add(
        Evidence.clip(
            "job "
                + Meta.ref(job)
                + ": "
                + outcome(job)
                + counts
                + (backoff == null ? "" : ", backoffLimit=" + backoff)
                + (deadline == null ? "" : ", activeDeadlineSeconds=" + deadline)
                + ", started "
                + Evidence.ago(clock, started(job))));
    failedPod(pods(allPods, job))
        .ifPresent(
            f -> {
              ContainerStateTerminated t = f.terminated();
              lines.add(
                  Evidence.clip(
                      "pod "
                          + Pods.name(f.pod())
                          + ": container "
                          + f.status().getName()
                          + " terminated "
                          + Evidence.orDash(t.getReason())
                          + ", exit code "
                          + Evidence.intOf(t.getExitCode())
                          + Optional.ofNullable(Evidence.ago(clock, t.getFinishedAt()))
                              .filter(a -> !a.isEmpty())
                              .map(a -> " (" + a + ")")
                              .orElse("")
                          + (t.getMessage() == null || t.getMessage().isBlank()
                              ? ""
                              : ": " + t.getMessage())));
              lines.addAll(logOfAFailedAttempt(pods(allPods, job), f, logs));
            });
    return lines;
  }

  /**
   * The error lines of the newest failed attempt that still has a log: a Job retried three times
   * may have lost the newest pod's log (node gone, pod replaced) while an earlier attempt kept the
   * same error.
   */
  private static List<String> logOfAFailedAttempt(
      List<Pod> pods, FailedPod newest, LogSource logs) {
    List<String> first =
        LogExcerpt.crashLines(
            logs, Pods.namespace(newest.pod()), Pods.name(newest.pod()), newest.status().getName());
    if (!first.isEmpty() && !first.getFirst().startsWith("log: no ")) {
      return first;
    }
    for (Pod p : pods) {
      if (p == newest.pod()) {
        continue;
      }
      for (ContainerStatus cs : Pods.statuses(p)) {
        List<String> other =
            LogExcerpt.crashLines(logs, Pods.namespace(p), Pods.name(p), cs.getName());
        if (!other.isEmpty() && !other.getFirst().startsWith("log: no ")) {
          List<String> out = new ArrayList<>();
          out.add("log of an earlier attempt, pod " + Pods.name(p) + ":");
          out.addAll(other);
          return out;
        }
      }
    }
    return first;
  }

  record FailedPod(Pod pod, ContainerStatus status, ContainerStateTerminated terminated) {}

  /** The most recently terminated container that exited with an error, among the job's pods. */
  static Optional<FailedPod> failedPod(List<Pod> pods) {
    List<FailedPod> failures = new ArrayList<>();
    for (Pod p : pods) {
      for (ContainerStatus cs : Pods.statuses(p)) {
        for (ContainerStateTerminated t :
            java.util.stream.Stream.of(
                    Pods.state(cs).getTerminated(), Pods.lastState(cs).getTerminated())
                .filter(java.util.Objects::nonNull)
                .toList()) {
          if (Evidence.intOf(t.getExitCode()) != 0) {
            failures.add(new FailedPod(p, cs, t));
          }
        }
      }
    }
    return failures.stream()
        .max(
            Comparator.comparing(
                (FailedPod f) ->
                    Evidence.instant(f.terminated().getFinishedAt()).orElse(Instant.EPOCH)));
  }

  /** What to change, by the reason the job controller gave. */
  static String fix(Job job, String rerun) {
    String reason = condition(job, "Failed").map(JobCondition::getReason).orElse("");
    return switch (reason) {
      case "DeadlineExceeded" ->
          "the run took longer than activeDeadlineSeconds="
              + (job.getSpec() == null ? "?" : job.getSpec().getActiveDeadlineSeconds())
              + ": make it faster or raise the deadline in "
              + Meta.subject("Job", job).replace("job ", "job ")
              + ", then "
              + rerun;
      case "PodFailurePolicy" ->
          "the pod failure policy failed the job on that exit: fix the error the pod logged, then "
              + rerun;
      default -> "fix the error the pod logged above, then " + rerun;
    };
  }
}
