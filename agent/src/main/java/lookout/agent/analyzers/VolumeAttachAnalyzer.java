package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import io.fabric8.kubernetes.api.model.storage.VolumeError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volumes of the facts' claims that cannot be attached to the node their pod runs on: the
 * attach/detach controller's FailedAttachVolume events on the pod ("Multi-Attach error for volume
 * …", "AttachVolume.Attach failed for volume … : …") and the CSI attacher's
 * VolumeAttachment.status.attachError / detachError. For Multi-Attach of a ReadWriteOnce volume it
 * names the node still holding it.
 */
public final class VolumeAttachAnalyzer implements Analyzer {
  private static final Pattern VOLUME = Pattern.compile("for volume \"([^\"]+)\"");

  private final Clock clock;

  public VolumeAttachAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (PersistentVolumeClaim claim : facts.claims()) {
      String volume = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
      if (volume == null || volume.isBlank()) {
        continue;
      }
      List<Pod> users = ClaimAnalyzer.users(facts.pods(), claim);
      List<String> problems = new ArrayList<>();
      boolean multiAttach = false;
      for (Pod pod : users) {
        for (EventLines.Folded e :
            EventLines.about(
                facts.events(),
                "Pod",
                Pods.namespace(pod),
                Pods.name(pod),
                Set.of("FailedAttachVolume"),
                null)) {
          if (volume.equals(volumeOf(e.message()))) {
            multiAttach |= e.message().startsWith("Multi-Attach");
            problems.add(
                Evidence.clip(
                    "pod "
                        + Pods.name(pod)
                        + " on "
                        + Evidence.orDash(Pods.nodeName(pod))
                        + ": "
                        + e.format(clock).substring("event ".length())));
          }
        }
      }
      List<VolumeAttachment> attachments =
          facts.related().attachments().stream()
              .filter(
                  a ->
                      a.getSpec() != null
                          && a.getSpec().getSource() != null
                          && volume.equals(a.getSpec().getSource().getPersistentVolumeName()))
              .toList();
      for (VolumeAttachment a : attachments) {
        error(a).ifPresent(problems::add);
      }
      if (problems.isEmpty()) {
        continue;
      }
      List<String> holders =
          attachments.stream()
              .filter(
                  a -> a.getStatus() != null && Boolean.TRUE.equals(a.getStatus().getAttached()))
              .map(a -> a.getSpec().getNodeName())
              .toList();
      findings.add(finding(claim, volume, users, problems, multiAttach, holders));
    }
    return findings;
  }

  private static Finding finding(
      PersistentVolumeClaim claim,
      String volume,
      List<Pod> users,
      List<String> problems,
      boolean multiAttach,
      List<String> holders) {
    String subject = "claim " + Meta.ref(claim);
    List<String> evidence = new ArrayList<>(problems.stream().limit(EventLines.MAX).toList());
    List<String> modes =
        claim.getSpec().getAccessModes() == null ? List.of() : claim.getSpec().getAccessModes();
    evidence.add(
        "claim "
            + Meta.ref(claim)
            + ": volume "
            + volume
            + (modes.isEmpty() ? "" : " modes=" + String.join(",", modes))
            + (holders.isEmpty() ? "" : ", attached to " + String.join(", ", holders)));
    String summary;
    String fix;
    if (multiAttach) {
      summary =
          "volume "
              + volume
              + " of "
              + subject
              + " cannot attach to a second node: it is ReadWriteOnce and still attached"
              + (holders.isEmpty() ? " elsewhere" : " to " + String.join(", ", holders));
      fix =
          "let the old pod on "
              + (holders.isEmpty() ? "the other node" : holders.get(0))
              + " stop first: use strategy Recreate for a Deployment with a ReadWriteOnce volume (or a StatefulSet); if that node is gone, delete the stale VolumeAttachment";
    } else {
      summary =
          "volume "
              + volume
              + " of "
              + subject
              + " cannot be attached: "
              + problems.get(0).replaceFirst("^[^:]*: ", "");
      fix =
          "fix what the attacher reports (node limits on attached volumes, the disk's zone vs the node's, cloud permissions); the controller retries by itself";
    }
    evidence.add(Meta.fix(fix));
    return Meta.finding(
            Finding.Severity.CRITICAL,
            "VolumeAttach",
            Meta.ref("PersistentVolumeClaim", claim),
            Evidence.clip(summary),
            evidence)
        .affects(ServiceAnalyzer.pods(users))
        .build();
  }

  private static Optional<String> error(VolumeAttachment a) {
    if (a.getStatus() == null) {
      return Optional.empty();
    }
    VolumeError attach = a.getStatus().getAttachError();
    VolumeError detach = a.getStatus().getDetachError();
    VolumeError e = attach != null ? attach : detach;
    if (e == null || e.getMessage() == null) {
      return Optional.empty();
    }
    return Optional.of(
        Evidence.clip(
            "volumeattachment "
                + Meta.name(a)
                + " (node "
                + a.getSpec().getNodeName()
                + "): "
                + (attach != null ? "attachError" : "detachError")
                + ": "
                + e.getMessage()));
  }

  static String volumeOf(String message) {
    Matcher m = VOLUME.matcher(message == null ? "" : message);
    return m.find() ? m.group(1) : null;
  }
}
