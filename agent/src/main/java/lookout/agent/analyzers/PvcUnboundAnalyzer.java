package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Claims stuck in Pending that pods need: the pods cannot start until a volume is bound. */
public final class PvcUnboundAnalyzer implements Analyzer {
  private static final Set<String> EVENT_REASONS =
      Set.of(
          "ProvisioningFailed",
          "ExternalProvisioning",
          "WaitForFirstConsumer",
          "FailedBinding",
          "Provisioning");

  private final Clock clock;

  public PvcUnboundAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public PvcUnboundAnalyzer() {
    this(Clock.systemUTC());
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (PersistentVolumeClaim claim : facts.claims()) {
      if (claim.getMetadata() == null || claim.getMetadata().getName() == null) {
        continue;
      }
      String phase = claim.getStatus() == null ? null : claim.getStatus().getPhase();
      List<Pod> users = users(facts.pods(), namespace(claim), claim.getMetadata().getName());
      if ("Pending".equals(phase) && !users.isEmpty()) {
        findings.add(finding(facts, claim, users));
      }
    }
    return findings;
  }

  private Finding finding(ClusterFacts facts, PersistentVolumeClaim claim, List<Pod> users) {
    String ns = namespace(claim);
    String name = claim.getMetadata().getName();
    String ref = ns.isEmpty() ? name : ns + "/" + name;
    String storageClass = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    List<EventLines.Folded> events =
        EventLines.about(facts.events(), "PersistentVolumeClaim", ns, name, EVENT_REASONS, null);

    List<String> evidence = new ArrayList<>();
    evidence.add(
        Evidence.clip(
            "claim "
                + ref
                + ": Pending, class="
                + (storageClass == null ? "(default)" : storageClass)
                + size(claim).map(s -> " request=" + s).orElse("")
                + modes(claim)));
    evidence.add(Evidence.names("used by: ", users.stream().map(Pods::name).toList()));
    evidence.addAll(EventLines.lines(events, clock));
    evidence.add(hint(storageClass, events));
    String summary =
        "claim "
            + name
            + " is not bound (storage class "
            + (storageClass == null ? "not set" : storageClass)
            + "); "
            + users.size()
            + " pod"
            + (users.size() == 1 ? " waits" : "s wait")
            + " for it";
    return new Finding(
        Finding.Severity.WARNING,
        "PvcUnbound",
        "claim " + ref,
        Evidence.clip(summary),
        evidence,
        List.of());
  }

  private static String hint(String storageClass, List<EventLines.Folded> events) {
    Set<String> reasons =
        Set.copyOf(events.stream().map(e -> Objects.requireNonNullElse(e.reason(), "")).toList());
    if (reasons.contains("ProvisioningFailed")) {
      return "hint: the provisioner failed (see its error above); check the storage class"
          + " parameters and quota";
    }
    if (reasons.contains("ExternalProvisioning")) {
      return "hint: waiting for the external provisioner; check that its controller pods are"
          + " running";
    }
    if (reasons.contains("WaitForFirstConsumer")) {
      return "hint: the class binds when a pod is scheduled; if the pod is Pending, fix its"
          + " scheduling first";
    }
    if (storageClass == null) {
      return "hint: no storageClassName; check that the cluster has a default StorageClass or a"
          + " matching PV";
    }
    return "hint: check that StorageClass "
        + storageClass
        + " exists and its provisioner is healthy";
  }

  private static List<Pod> users(List<Pod> pods, String ns, String claim) {
    return pods.stream()
        .filter(p -> Pods.namespace(p).equals(ns) && p.getSpec() != null)
        .filter(
            p ->
                Pods.stream(p.getSpec().getVolumes())
                    .anyMatch(
                        v ->
                            v.getPersistentVolumeClaim() != null
                                && claim.equals(v.getPersistentVolumeClaim().getClaimName())))
        .toList();
  }

  private static String namespace(PersistentVolumeClaim claim) {
    return Objects.requireNonNullElse(claim.getMetadata().getNamespace(), "");
  }

  private static Optional<String> size(PersistentVolumeClaim claim) {
    if (claim.getSpec() == null
        || claim.getSpec().getResources() == null
        || claim.getSpec().getResources().getRequests() == null) {
      return Optional.empty();
    }
    Quantity q = claim.getSpec().getResources().getRequests().get("storage");
    return Optional.ofNullable(q).map(Quantities::text);
  }

  private static String modes(PersistentVolumeClaim claim) {
    List<String> modes =
        claim.getSpec() == null
            ? List.of()
            : Pods.stream(claim.getSpec().getAccessModes()).toList();
    return modes.isEmpty() ? "" : " modes=" + String.join(",", modes);
  }
}
