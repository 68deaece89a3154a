package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bound claims whose expansion did not happen: the external resizer's VolumeResizeFailed (a cloud
 * that refuses to grow an attached disk, a class without allowVolumeExpansion), the kubelet's
 * FileSystemResizeFailed, or a FileSystemResizePending condition that waits for the pod to mount
 * the volume again. The claim keeps its old capacity meanwhile: "扩容没生效", "still 256G", a full disk
 * that was supposed to have grown.
 */
public final class ClaimResizeAnalyzer implements Analyzer {
  static final Set<String> FAILED = Set.of("VolumeResizeFailed", "FileSystemResizeFailed");
  private static final Set<String> EVENTS =
      Set.of("VolumeResizeFailed", "FileSystemResizeFailed", "Resizing", "ExternalExpanding");

  private final Clock clock;

  public ClaimResizeAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> out = new ArrayList<>();
    for (PersistentVolumeClaim claim : facts.claims()) {
      if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
        continue;
      }
      List<EventLines.Folded> events =
          EventLines.about(
              facts.events(),
              "PersistentVolumeClaim",
              Meta.namespace(claim),
              Meta.name(claim),
              EVENTS,
              null);
      Optional<EventLines.Folded> failed =
          events.stream().filter(e -> FAILED.contains(e.reason())).findFirst();
      boolean pendingFs = condition(claim, "FileSystemResizePending");
      Optional<String> wanted =
          storage(
              claim.getSpec() == null || claim.getSpec().getResources() == null
                  ? null
                  : claim.getSpec().getResources().getRequests());
      Optional<String> has =
          storage(claim.getStatus() == null ? null : claim.getStatus().getCapacity());
      boolean smaller = wanted.isPresent() && has.isPresent() && !wanted.equals(has);
      if (failed.isEmpty() && !(pendingFs && smaller)) {
        continue;
      }
      String sizes = smaller ? " from " + has.get() + " to " + wanted.get() : "";
      List<Pod> users = ClaimAnalyzer.users(facts.pods(), claim);
      List<String> evidence = new ArrayList<>();
      evidence.add(
          "claim "
              + Meta.ref(claim)
              + ": Bound, capacity "
              + has.orElse("-")
              + ", requested "
              + wanted.orElse("-"));
      evidence.addAll(EventLines.lines(events, clock));
      String sentence;
      if (failed.isPresent()) {
        sentence =
            "its resize"
                + sizes
                + " failed ("
                + failed.get().reason()
                + ")"
                + ClaimAnalyzer.innermost(failed.get().message());
        evidence.add(
            Meta.fix(
                "fix what the resizer reports (a disk some clouds grow only while detached, a class"
                    + " without allowVolumeExpansion, a quota); it retries by itself, and the"
                    + " claim keeps its old size until then"));
      } else {
        sentence =
            "waits for its filesystem to grow"
                + sizes
                + " (FileSystemResizePending): the node finishes it when a pod mounts the volume again";
        evidence.add(Meta.fix("restart the pod using claim " + Meta.ref(claim)));
      }
      out.add(
          Meta.finding(
                  Finding.Severity.WARNING,
                  "VolumeResizeFailed",
                  Meta.ref("PersistentVolumeClaim", claim),
                  Evidence.clip(sentence),
                  evidence)
              .affects(ServiceAnalyzer.pods(users))
              .build());
    }
    return out;
  }

  private static boolean condition(PersistentVolumeClaim claim, String type) {
    return claim.getStatus().getConditions() != null
        && claim.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Optional<String> storage(Map<String, Quantity> resources) {
    return Optional.ofNullable(resources).map(r -> r.get("storage")).map(Quantities::text);
  }
}
