package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pods stuck before their containers start because a volume does not mount or attach, from the
 * kubelet's and attach/detach controller's events: a Secret or ConfigMap volume whose object does
 * not exist, a ReadWriteOnce volume still attached to another node (Multi-Attach, typical of a
 * rolling update), a CSI attach or mount error, a claim that is not bound, or a timeout.
 */
public final class FailedMountAnalyzer implements Analyzer {
  private static final Set<String> REASONS =
      Set.of("FailedMount", "FailedAttachVolume", "FailedMapVolume");
  private static final Pattern VOLUME = Pattern.compile("volume \"([^\"]+)\"");
  private static final Pattern USED_BY =
      Pattern.compile("already used by pod\\(s\\) ([\\w.,\\s-]+)");
  private static final Pattern UNMOUNTED = Pattern.compile("unmounted volumes=\\[([^\\]]*)\\]");

  private final Clock clock;

  public FailedMountAnalyzer(Clock clock) {
    this.clock = clock;
  }

  private record Hit(Pod pod, List<EventLines.Folded> events) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      if (Pods.finished(pod) || started(pod)) {
        continue;
      }
      List<EventLines.Folded> events =
          EventLines.about(
              facts.events(), "Pod", Pods.namespace(pod), Pods.name(pod), REASONS, null);
      if (!events.isEmpty()) {
        hits.add(new Hit(pod, events));
      }
    }
    Comparator<Hit> any = Comparator.comparing(h -> Pods.name(h.pod()));
    return PodGroup.of(hits, Hit::pod, h -> "", any).stream().map(g -> finding(facts, g)).toList();
  }

  /** A pod whose app containers all run has mounted its volumes (old events may linger). */
  private static boolean started(Pod pod) {
    var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    return statuses != null
        && !statuses.isEmpty()
        && statuses.stream()
            .allMatch(s -> s.getState() != null && s.getState().getRunning() != null);
  }

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Pod pod = group.worst().pod();
    String ns = Pods.namespace(pod);
    List<EventLines.Folded> events = group.worst().events();
    List<String> messages = events.stream().map(EventLines.Folded::message).toList();
    Finding.Builder b =
        Finding.builder(Finding.Severity.CRITICAL, "FailedMount", Pods.refOf(pod))
            .affects(group.pods(Hit::pod));
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + ": "
            + Evidence.orDash(Pods.phase(pod))
            + ", containers not started"
            + (Pods.nodeName(pod) == null ? "" : ", node " + Pods.nodeName(pod)));
    b.evidence(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    Optional<String> missingMsg =
        messages.stream().filter(m -> Missing.in(m).isPresent()).findFirst();
    Optional<String> multi = messages.stream().filter(m -> m.contains("Multi-Attach")).findFirst();
    Optional<String> attach =
        messages.stream().filter(m -> m.startsWith("AttachVolume.Attach failed")).findFirst();
    Optional<String> device =
        messages.stream()
            .filter(
                m ->
                    m.startsWith("MountVolume.MountDevice failed")
                        || m.startsWith("MountVolume.SetUp failed")
                        || m.startsWith("MapVolume"))
            .findFirst();
    Optional<String> unbound = messages.stream().filter(m -> m.contains("not bound")).findFirst();
    if (missingMsg.isPresent()) {
      Missing missing = Missing.in(missingMsg.get()).orElseThrow();
      String volume = match(VOLUME, missingMsg.get()).orElse("?");
      b.reason("FailedMount")
          .summary(
              "cannot start: volume "
                  + volume
                  + " needs "
                  + missing.text().replace(" does not exist", ", which does not exist"))
          .blames(missing.ref(ns))
          .fix(
              missing
                  .fix(ns, PodContext.workload(pod))
                  .replace("correct the name in", "correct the volume in"))
          .query("FailedMount " + missing.kind() + " volume not found");
    } else if (multi.isPresent()) {
      String pv = match(VOLUME, multi.get()).orElse("?");
      Optional<PersistentVolumeClaim> claim =
          facts.claims().stream()
              .filter(c -> c.getSpec() != null && pv.equals(c.getSpec().getVolumeName()))
              .findFirst();
      String claimText =
          claim
              .map(c -> "claim " + c.getMetadata().getName() + " (volume " + pv + ")")
              .orElse("volume " + pv);
      String usedBy = match(USED_BY, multi.get()).map(String::strip).orElse(null);
      b.reason("Multi-Attach")
          .summary(
              "cannot start: "
                  + claimText
                  + " is ReadWriteOnce and still attached to another node"
                  + (usedBy == null ? "" : " for pod " + usedBy)
                  + " (Multi-Attach error)")
          .query("Multi-Attach error ReadWriteOnce volume rolling update");
      claim.ifPresent(
          c -> b.blames(new ObjectRef("PersistentVolumeClaim", ns, c.getMetadata().getName())));
      boolean rolling =
          facts.related().deployments().stream()
              .map(Deployment::getSpec)
              .anyMatch(
                  s ->
                      s != null
                          && (s.getStrategy() == null
                              || !"Recreate".equals(s.getStrategy().getType())));
      if (rolling) {
        b.fix(
            "a rolling update starts the new pod before the old one lets go of the ReadWriteOnce volume:"
                + " set strategy type Recreate on "
                + PodContext.owner(pod)
                + " (or use a ReadWriteMany volume, or a StatefulSet)");
      }
      b.fix(
          usedBy == null
              ? "once the old pod is gone the volume detaches; if its node is down, the attachment clears after about 6 minutes"
              : "delete or wait for pod " + usedBy + " to terminate so the volume can detach");
    } else if (attach.isPresent() || device.isPresent()) {
      String msg = attach.orElseGet(device::get);
      String volume = match(VOLUME, msg).orElse("?");
      String detail =
          CloudError.in(msg)
              .map(c -> "the cloud refused it: " + c.text())
              .orElse(msg.contains(" : ") ? msg.substring(msg.indexOf(" : ") + 3) : msg);
      b.reason(attach.isPresent() ? "FailedAttachVolume" : "FailedMount")
          .summary(
              "cannot start: volume "
                  + volume
                  + " does not "
                  + (attach.isPresent() ? "attach" : "mount")
                  + ": "
                  + detail)
          .fix(
              "the storage driver refuses the volume: check the CSI driver's pods and logs, and the volume in the storage backend")
          .query(
              "volume attach mount failed CSI "
                  + (attach.isPresent() ? "FailedAttachVolume" : "FailedMount"));
    } else if (unbound.isPresent()) {
      b.reason("FailedMount")
          .summary("cannot start: " + unbound.get())
          .fix("bind the claim first: see the claim's events (its StorageClass and provisioner)")
          .query("pvc not bound pod volume");
      claimsOf(pod).forEach(c -> b.blames(new ObjectRef("PersistentVolumeClaim", ns, c)));
    } else {
      String last = messages.getFirst();
      String volumes = match(UNMOUNTED, last).orElse("?");
      b.reason("FailedMount")
          .summary("cannot start: volume(s) [" + volumes + "] did not mount in time (" + last + ")")
          .fix(
              "the kubelet gave up waiting for the volume: check the claim, the storage driver and the node's mounts")
          .query("FailedMount timed out waiting for volume");
    }
    return b.build();
  }

  private static List<String> claimsOf(Pod pod) {
    return pod.getSpec() == null
        ? List.of()
        : Pods.stream(pod.getSpec().getVolumes())
            .filter(v -> v.getPersistentVolumeClaim() != null)
            .map(v -> v.getPersistentVolumeClaim().getClaimName())
            .toList();
  }

  private static Optional<String> match(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
