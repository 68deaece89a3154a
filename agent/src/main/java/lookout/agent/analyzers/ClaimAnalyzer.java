package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Claims that are not bound, with the cause the PV controller and provisioners report: no class and
 * no default class, a class that does not exist, a provisioner that failed (its own message), an
 * external provisioner that never answers, WaitForFirstConsumer (normal until a pod using the claim
 * is scheduled); and Lost claims whose volume is gone. A Pending claim is reported when a pod needs
 * it, when it is the question, or when the controller warned about it.
 */
public final class ClaimAnalyzer implements Analyzer {
  static final Set<String> EVENTS =
      Set.of(
          "ProvisioningFailed",
          "ExternalProvisioning",
          "WaitForFirstConsumer",
          "FailedBinding",
          "Provisioning",
          "ClaimLost",
          "ClaimMisbound");
  private static final String DEFAULT = "storageclass.kubernetes.io/is-default-class";
  private static final String BETA_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";

  private final Clock clock;

  public ClaimAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (PersistentVolumeClaim claim : facts.claims()) {
      String phase = claim.getStatus() == null ? "" : String.valueOf(claim.getStatus().getPhase());
      List<Pod> users = users(facts.pods(), claim);
      List<EventLines.Folded> events =
          EventLines.about(
              facts.events(),
              "PersistentVolumeClaim",
              Meta.namespace(claim),
              Meta.name(claim),
              EVENTS,
              null);
      if (phase.equals("Lost")) {
        findings.add(lost(claim, users, events));
      } else if (phase.equals("Pending")
          && (!users.isEmpty()
              || Meta.isTarget(facts, "PersistentVolumeClaim", claim)
              || warned(events))) {
        findings.add(pending(facts, claim, users, events));
      }
    }
    return findings;
  }

  private Finding pending(
      ClusterFacts facts,
      PersistentVolumeClaim claim,
      List<Pod> users,
      List<EventLines.Folded> events) {
    String subject =
        Meta.subject("PersistentVolumeClaim", claim).replace("persistentvolumeclaim ", "claim ");
    String className = claim.getSpec() == null ? null : claim.getSpec().getStorageClassName();
    List<StorageClass> classes = facts.related().storageClasses();
    // Related.none(): storage was not read at all, so a missing class proves nothing
    boolean classesKnown =
        !facts.related().equals(Related.none())
            && facts.related().gaps().stream()
                .noneMatch(g -> g.resource().equals("storageclasses"));
    boolean notFound =
        events.stream()
            .anyMatch(
                e ->
                    String.valueOf(e.message())
                        .contains("storageclass.storage.k8s.io \"" + className + "\" not found"));
    Optional<StorageClass> named =
        classes.stream().filter(c -> Meta.name(c).equals(className)).findFirst();
    Optional<EventLines.Folded> failed =
        events.stream().filter(e -> "ProvisioningFailed".equals(e.reason())).findFirst();

    Finding.Severity severity = Finding.Severity.WARNING;
    List<ObjectRef> blamed = new ArrayList<>();
    String cause;
    String fix;
    String classNames =
        classes.isEmpty()
            ? "none found"
            : String.join(", ", classes.stream().map(Meta::name).toList());
    if (className == null || className.isEmpty()) {
      Optional<StorageClass> defaults =
          classes.stream().filter(ClaimAnalyzer::isDefault).findFirst();
      cause =
          className == null
              ? "it names no storage class and there was no default class when it was created"
              : "it asks for no storage class (storageClassName: \"\"), so only a matching pre-made PersistentVolume can bind it and none does";
      fix =
          "recreate claim "
              + Meta.ref(claim)
              + " with storageClassName set to one of: "
              + classNames
              + (defaults.isEmpty() && classesKnown && className == null
                  ? ", or mark a class as default (annotation " + DEFAULT + "=true)"
                  : "");
    } else if (notFound || (named.isEmpty() && classesKnown)) {
      cause = "its StorageClass " + className + " does not exist";
      fix =
          "recreate claim "
              + Meta.ref(claim)
              + " with an existing storageClassName ("
              + classNames
              + "), or create StorageClass "
              + className;
    } else if (failed.isPresent()) {
      // the PV controller's prefix repeats the class; the provisioner's own words follow it
      cause = "provisioning failed" + innermost(failed.get().message());
      fix =
          "fix what the provisioner"
              + named.map(c -> " " + c.getProvisioner()).orElse("")
              + " reports (class parameters, cloud quota or permissions, zone), then it retries by itself";
    } else if (named.map(c -> "WaitForFirstConsumer".equals(c.getVolumeBindingMode())).orElse(false)
        || events.stream().anyMatch(e -> "WaitForFirstConsumer".equals(e.reason()))) {
      severity = Finding.Severity.INFO;
      users.stream()
          .filter(p -> Pods.nodeName(p) == null || Pods.nodeName(p).isBlank())
          .forEach(p -> blamed.add(ObjectRef.pod(Pods.namespace(p), Pods.name(p))));
      List<String> pending =
          users.stream()
              .filter(p -> Pods.nodeName(p) == null || Pods.nodeName(p).isBlank())
              .map(Pods::name)
              .toList();
      cause =
          "its class binds on first use (WaitForFirstConsumer)"
              + (users.isEmpty()
                  ? " and no pod uses it yet"
                  : pending.isEmpty()
                      ? ""
                      : " and pod " + pending.get(0) + " is not scheduled yet");
      fix =
          users.isEmpty()
              ? "nothing to do until a pod mounts it"
              : "the pod's scheduling problem is the cause: fix that and the volume is created on the chosen node";
    } else if (events.stream().anyMatch(e -> "ExternalProvisioning".equals(e.reason()))) {
      String provisioner =
          named.map(StorageClass::getProvisioner).orElse("the external provisioner");
      cause = "it is still waiting for " + provisioner + " to create a volume";
      fix = "check that the " + provisioner + " controller pods are running and read their logs";
    } else {
      cause = "no volume has been bound to it yet";
      fix =
          "check StorageClass "
              + className
              + " and its provisioner "
              + named.map(StorageClass::getProvisioner).orElse("");
    }
    List<String> evidence = new ArrayList<>();
    evidence.add(
        Evidence.clip(
            "claim "
                + Meta.ref(claim)
                + ": Pending, class="
                + (className == null ? "(none)" : className.isEmpty() ? "\"\"" : className)
                + size(claim)
                + modes(claim)));
    named.ifPresent(
        c ->
            evidence.add(
                Evidence.clip(
                    "storage class "
                        + Meta.name(c)
                        + ": provisioner "
                        + c.getProvisioner()
                        + ", binding "
                        + Evidence.orDash(c.getVolumeBindingMode())
                        + (isDefault(c) ? ", default" : ""))));
    if (!users.isEmpty()) {
      evidence.add(Evidence.names("used by: ", users.stream().map(Pods::name).toList()));
    }
    evidence.addAll(EventLines.lines(events, clock));
    evidence.add(Meta.fix(fix));
    String summary =
        subject
            + " is not bound because "
            + cause
            + (users.isEmpty()
                ? ""
                : "; "
                    + users.size()
                    + (users.size() == 1 ? " pod waits" : " pods wait")
                    + " for it");
    return Meta.finding(
            severity,
            "PvcUnbound",
            Meta.ref("PersistentVolumeClaim", claim),
            Evidence.clip(summary),
            evidence)
        .affects(ServiceAnalyzer.pods(users))
        .blames(blamed)
        .build();
  }

  private Finding lost(
      PersistentVolumeClaim claim, List<Pod> users, List<EventLines.Folded> events) {
    String subject = "claim " + Meta.ref(claim);
    String volume = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
    List<String> evidence = new ArrayList<>();
    evidence.add("claim " + Meta.ref(claim) + ": Lost, volume " + Evidence.orDash(volume));
    if (!users.isEmpty()) {
      evidence.add(Evidence.names("used by: ", users.stream().map(Pods::name).toList()));
    }
    evidence.addAll(EventLines.lines(events, clock));
    evidence.add(
        Meta.fix(
            "restore the data from a backup or snapshot into a new claim and point the pods at it; a Lost claim never binds again"));
    return Meta.finding(
            Finding.Severity.CRITICAL,
            "PvcLost",
            Meta.ref("PersistentVolumeClaim", claim),
            Evidence.clip(
                subject
                    + " is Lost: its PersistentVolume "
                    + Evidence.orDash(volume)
                    + " no longer exists, so the data on it is gone"),
            evidence)
        .affects(ServiceAnalyzer.pods(users))
        .build();
  }

  private static boolean warned(List<EventLines.Folded> events) {
    return events.stream()
        .anyMatch(e -> Set.of("ProvisioningFailed", "FailedBinding").contains(e.reason()));
  }

  /**
   * Why provisioning {@code claim} failed, as {@link #innermost} puts it, from its latest event.
   */
  static Optional<String> provisioningFailure(ClusterFacts facts, PersistentVolumeClaim claim) {
    return EventLines.about(
            facts.events(),
            "PersistentVolumeClaim",
            Meta.namespace(claim),
            Meta.name(claim),
            Set.of("ProvisioningFailed"),
            null)
        .stream()
        .findFirst()
        .map(e -> innermost(e.message()));
  }

  /**
   * A CSI driver's error as the PV controller repeats it wraps gRPC errors in gRPC errors ("rpc
   * error: code = ResourceExhausted desc = CreateVolume failed … desc = operation … failed
   * (QUOTA_EXCEEDED): Quota 'SSD_TOTAL_GB' exceeded"): the innermost description says what the
   * cloud refused, after the outermost code; a cloud SDK's error code and message ({@link
   * CloudError}) come first when there is one; other messages lose only the controller's prefix.
   */
  static String innermost(String message) {
    Optional<CloudError> cloud = CloudError.in(message);
    if (cloud.isPresent()) {
      return ": the cloud refused it: " + cloud.get().text();
    }
    String m =
        String.valueOf(message)
            .replaceFirst("(?i)^failed to provision volume with StorageClass \"[^\"]*\": ", "")
            .replaceAll("\\s+", " ")
            .strip();
    int last = m.lastIndexOf("desc = ");
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("rpc error: code = (\\w+)").matcher(m);
    if (last < 0 || !code.find()) {
      return ": " + m;
    }
    return " (" + code.group(1) + "): " + m.substring(last + "desc = ".length()).strip();
  }

  static boolean isDefault(StorageClass c) {
    return "true".equals(Meta.annotations(c).get(DEFAULT))
        || "true".equals(Meta.annotations(c).get(BETA_DEFAULT));
  }

  static List<Pod> users(List<Pod> pods, PersistentVolumeClaim claim) {
    String name = Meta.name(claim);
    return pods.stream()
        .filter(
            p ->
                Pods.namespace(p).equals(Meta.namespace(claim))
                    && p.getSpec() != null
                    && !Pods.finished(p))
        .filter(
            p ->
                Pods.stream(p.getSpec().getVolumes())
                    .anyMatch(
                        v ->
                            v.getPersistentVolumeClaim() != null
                                && name.equals(v.getPersistentVolumeClaim().getClaimName())))
        .toList();
  }

  private static String size(PersistentVolumeClaim claim) {
    if (claim.getSpec() == null
        || claim.getSpec().getResources() == null
        || claim.getSpec().getResources().getRequests() == null) {
      return "";
    }
    return Optional.ofNullable(claim.getSpec().getResources().getRequests().get("storage"))
        .map(q -> " request=" + Quantities.text(q))
        .orElse("");
  }

  private static String modes(PersistentVolumeClaim claim) {
    List<String> modes =
        claim.getSpec() == null
            ? List.of()
            : Pods.stream(claim.getSpec().getAccessModes()).toList();
    return modes.isEmpty() ? "" : " modes=" + String.join(",", modes);
  }
}
