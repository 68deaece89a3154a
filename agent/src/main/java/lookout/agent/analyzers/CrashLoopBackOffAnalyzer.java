package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lookout.approvals.RestartDeployment;

/**
 * Containers that keep crashing, by cause: a start failure the runtime reported (command not in the
 * image, {@code exec format error} → a binary for another CPU architecture than the node, not
 * executable), else the exit code and its meaning with the line of the previous instance's log that
 * names the failure. OOM kills are left to {@link OomKilledAnalyzer} and liveness kills to {@link
 * ProbeFailureAnalyzer}, which say more about them.
 */
public final class CrashLoopBackOffAnalyzer implements Analyzer {
  /** A container that restarted after a failure longer ago than this is not "crashing" any more. */
  static final Duration RECENT = Duration.ofHours(1);

  private final Clock clock;

  public CrashLoopBackOffAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public CrashLoopBackOffAnalyzer() {
    this(Clock.systemUTC());
  }

  private record Hit(Pod pod, ContainerStatus status, boolean backingOff) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod)) {
        continue;
      }
      for (ContainerStatus status : Pods.statuses(pod)) {
        ContainerStateWaiting waiting = Pods.state(status).getWaiting();
        ContainerStateTerminated last = Pods.lastState(status).getTerminated();
        if (last != null && "OOMKilled".equals(last.getReason())
            || Probes.killedByLiveness(facts, pod, status)) {
          continue;
        }
        boolean backingOff = waiting != null && "CrashLoopBackOff".equals(waiting.getReason());
        if (backingOff || recentFailure(status, last)) {
          hits.add(new Hit(pod, status, backingOff));
        }
      }
    }
    Comparator<Hit> worse =
        Comparator.comparing((Hit h) -> !h.backingOff())
            .thenComparing(h -> -Pods.restarts(h.status()));
    return PodGroup.of(hits, Hit::pod, h -> h.status().getName(), worse).stream()
        .map(g -> finding(facts, g))
        .toList();
  }

  private boolean recentFailure(ContainerStatus status, ContainerStateTerminated last) {
    if (last == null || Pods.restarts(status) == 0 || Evidence.intOf(last.getExitCode()) == 0) {
      return false;
    }
    return Evidence.instant(last.getFinishedAt())
        .map(t -> t.isAfter(clock.instant().minus(RECENT)))
        .orElse(true);
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Hit hit = group.worst();
    Pod pod = hit.pod();
    String container = hit.status().getName();
    String ns = Pods.namespace(pod);
    ContainerStateTerminated last = Pods.lastState(hit.status()).getTerminated();
    int restarts = Pods.restarts(hit.status());
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(), "Pod", ns, Pods.name(pod), Set.of("BackOff", "Failed"), container);
    CrashLog log = CrashLog.read(facts.logs(), ns, Pods.name(pod), container, false);

    List<String> messages = new ArrayList<>();
    if (last != null && last.getMessage() != null) {
      messages.add(last.getMessage());
    }
    ContainerStateWaiting waiting = Pods.state(hit.status()).getWaiting();
    if (waiting != null && waiting.getMessage() != null) {
      messages.add(waiting.getMessage());
    }
    events.forEach(e -> messages.add(e.message()));
    log.best().ifPresent(messages::add);
    messages.addAll(log.raw().stream().filter(l -> l.contains("exec format error")).toList());
    Optional<StartFailure> start =
        messages.stream()
            .map(
                m ->
                    StartFailure.classify(
                        m,
                        ns,
                        PodContext.workload(pod),
                        Pods.nodeName(pod),
                        PodContext.arch(facts, pod)))
            .flatMap(Optional::stream)
            .findFirst();
    String exit = last == null ? "" : ExitCodes.describe(last.getExitCode(), last.getReason());
    String what = (Pods.isInit(pod, container) ? "init container " : "container ") + container;
    String cause =
        start
            .map(s -> s.text() + (exit.isEmpty() ? "" : " (" + exit + ")"))
            .orElseGet(() -> exitCause(last, exit, log));
    Finding.Builder b =
        Finding.builder(
                hit.backingOff() ? Finding.Severity.CRITICAL : Finding.Severity.WARNING,
                "CrashLoopBackOff",
                Pods.refOf(pod))
            .reason(hit.backingOff() ? "CrashLoopBackOff" : "Restarting")
            .affects(group.pods(Hit::pod))
            .summary(
                (hit.backingOff() ? "keeps crashing: " : "restarted after a crash: ")
                    + (Pods.isInit(pod, container) ? "init container " + container + " " : "")
                    + cause
                    + "; "
                    + restarts
                    + " restart"
                    + (restarts == 1 ? "" : "s"));
    b.evidence(statusLine(pod, hit, what, last));
    if (last != null && last.getMessage() != null && !last.getMessage().isBlank()) {
      b.evidence("termination message: " + last.getMessage());
    }
    b.evidence(log.evidence());
    b.evidence(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    if (start.isPresent()) {
      b.fix(start.get().fix()).query(start.get().query());
      start.get().missing().ifPresent(m -> b.blames(m.ref(ns)));
    } else {
      b.fix(exitFix(last, container, log)).query(exitQuery(last));
    }
    Optional<String> deployment = Workload.deploymentName(pod);
    if (log.transientDependency() && facts.cluster() != null && deployment.isPresent()) {
      // only a dependency that may have come back makes a restart worth a button
      b.suggest(new RestartDeployment(facts.cluster(), ns, deployment.get()));
      b.fix("once the dependency it cannot reach is back, a restart clears the back-off");
    }
    return b.build();
  }

  /** "exit code 1 (Error) — java.lang.IllegalStateException: DATABASE_URL is not set". */
  private static String exitCause(ContainerStateTerminated last, String exit, CrashLog log) {
    if (last == null) {
      return log.best().map(l -> "its log says: " + l).orElse("it exits right after starting");
    }
    int code = Evidence.intOf(last.getExitCode());
    String head = code == 0 ? "its main process exits with code 0 (Completed)" : exit;
    return head + log.best().map(l -> " — " + l).orElse("");
  }

  private static String exitFix(ContainerStateTerminated last, String container, CrashLog log) {
    int code = last == null ? -1 : Evidence.intOf(last.getExitCode());
    return switch (code) {
      case 0 ->
          "the container's main process finishes instead of running on: run a long-lived"
              + " process (or use a Job for one-off work)";
      case 126 -> "the entrypoint is not executable: fix its permissions or the command";
      case 127 -> "the command is not found in the image: correct command/args or the image";
      case 137 ->
          "it was killed with SIGKILL but not by the OOM killer: look for a liveness probe"
              + " or a node/kubelet kill, and compare memory usage with the limit";
      case 139 ->
          "it crashed with a segmentation fault in native code: check the image's native"
              + " libraries and their versions";
      case 143 ->
          "it was stopped with SIGTERM: find who stops it (a liveness probe, a preStop hook,"
              + " a supervisor)";
      default ->
          log.best().isPresent()
              ? "fix what the log of " + container + " says before it exits: " + log.best().get()
              : "read the full previous log (kubectl logs --previous -c "
                  + container
                  + ") — the container exits without saying why";
    };
  }

  private static String exitQuery(ContainerStateTerminated last) {
    int code = last == null ? -1 : Evidence.intOf(last.getExitCode());
    return "CrashLoopBackOff container exit code " + code + " " + ExitCodes.meaning(code);
  }

  private String statusLine(Pod pod, Hit hit, String what, ContainerStateTerminated last) {
    StringBuilder line =
        new StringBuilder("pod ").append(Pods.ref(pod)).append(' ').append(what).append(": ");
    ContainerStateWaiting waiting = Pods.state(hit.status()).getWaiting();
    if (waiting != null) {
      line.append("waiting ").append(Evidence.orDash(waiting.getReason())).append(", ");
    } else if (Pods.state(hit.status()).getRunning() != null) {
      line.append("running, ");
    }
    if (last != null) {
      line.append("last terminated ")
          .append(Evidence.orDash(last.getReason()))
          .append(" exit=")
          .append(last.getExitCode() == null ? "?" : last.getExitCode());
      String ago = Evidence.ago(clock, last.getFinishedAt());
      line.append(ago.isEmpty() ? "" : " (" + ago + ")").append(' ');
    }
    line.append("restarts=").append(Pods.restarts(hit.status()));
    return line.toString();
  }
}
