package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Taint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pods the scheduler cannot place, explained from its own FailedScheduling message taken apart
 * ({@link SchedulerMessage}) and checked against the pod and the nodes: insufficient cpu, memory or
 * GPUs with the pod's requests, untolerated taints with their keys (from the nodes when the message
 * leaves them out), nodeSelector/affinity labels no node has, unbound claims, host ports in use,
 * full or cordoned nodes. Nodes are never blamed unless the scheduler names them.
 */
public final class PendingAnalyzer implements Analyzer {
  private final Clock clock;

  public PendingAnalyzer(Clock clock) {
    this.clock = clock;
  }

  public PendingAnalyzer() {
    this(Clock.systemUTC());
  }

  private record Hit(Pod pod, PodCondition scheduled) {}

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Hit> hits = new ArrayList<>();
    for (Pod pod : facts.pods()) {
      Optional<PodCondition> scheduled = Pods.condition(pod, "PodScheduled");
      if ("Pending".equals(Pods.phase(pod))
          && scheduled.isPresent()
          && "False".equals(scheduled.get().getStatus())) {
        hits.add(new Hit(pod, scheduled.get()));
      }
    }
    Comparator<Hit> any = Comparator.comparing(h -> Pods.name(h.pod()));
    return PodGroup.of(hits, Hit::pod, h -> "", any).stream().map(g -> finding(facts, g)).toList();
  }

  /** One explained part of the scheduler's message. */
  private record Why(String text, String fix, ObjectRef blames) {}

  private Finding finding(ClusterFacts facts, PodGroup<Hit> group) {
    Pod pod = group.worst().pod();
    PodCondition scheduled = group.worst().scheduled();
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(),
            "Pod",
            Pods.namespace(pod),
            Pods.name(pod),
            Set.of("FailedScheduling"),
            null);
    String message =
        !events.isEmpty()
            ? events.getFirst().message()
            : scheduled.getMessage() == null || scheduled.getMessage().isBlank()
                ? null
                : scheduled.getMessage();
    Finding.Builder b =
        Finding.builder(Finding.Severity.WARNING, "Pending", Pods.refOf(pod))
            .reason(message == null ? "Pending" : "FailedScheduling")
            .affects(group.pods(Hit::pod));
    String since =
        Evidence.instant(scheduled.getLastTransitionTime())
            .map(t -> " for " + Evidence.age(Duration.between(t, clock.instant())))
            .orElse("");
    b.evidence(
        "pod "
            + Pods.ref(pod)
            + ": Pending, PodScheduled=False ("
            + Evidence.orDash(scheduled.getReason())
            + ")"
            + since);
    if (message == null) {
      return b.role(Finding.Role.SYMPTOM)
          .summary("is Pending: the scheduler has not said why (no FailedScheduling message)")
          .fix("check that a scheduler serves the pod's schedulerName and that kube-scheduler runs")
          .query("pod pending not scheduled")
          .build();
    }
    b.evidence("scheduler: " + message);
    requests(pod).ifPresent(b::evidence);
    b.evidence(EventLines.lines(events, clock));
    group.alsoLine(Hit::pod).ifPresent(b::evidence);
    SchedulerMessage parsed = SchedulerMessage.parse(message);
    // a DaemonSet pod is pinned to one node by affinity: the others "not matching" is by design
    Optional<String> pinned = Placement.pinnedNode(pod);
    List<Why> whys = new ArrayList<>();
    for (SchedulerMessage.Part part :
        parsed.parts().stream()
            .filter(p -> pinned.isEmpty() || !p.reason().contains("node affinity/selector"))
            .sorted(Comparator.comparingInt(SchedulerMessage.Part::count).reversed())
            .toList()) {
      explain(facts, pod, part, pinned)
          .map(w -> pinned.isPresent() || part.count() == 1 ? singular(w) : w)
          .filter(w -> whys.stream().noneMatch(x -> x.text().equals(w.text())))
          .ifPresent(whys::add);
    }
    if (whys.isEmpty()) {
      whys.add(new Why(message, "read the scheduler's message above", null));
    }
    String nodes =
        pinned.isPresent()
            ? " on node " + pinned.get() + ", the one it is meant for"
            : parsed.nodes() >= 0 ? " on any of " + parsed.nodes() + " nodes" : "";
    pinned.ifPresent(node -> b.blames(ObjectRef.node(node)));
    b.summary(
        "cannot be scheduled"
            + nodes
            + ": "
            + String.join("; ", whys.stream().map(Why::text).toList()));
    whys.forEach(
        w -> {
          b.fix(w.fix());
          if (w.blames() != null) {
            b.blames(w.blames());
          }
        });
    b.query(
        "pod pending FailedScheduling "
            + String.join(
                " ",
                parsed.parts().stream().map(p -> p.reason().replaceAll("\\{.*}", "")).toList()));
    return b.build();
  }

  private static Optional<Why> explain(
      ClusterFacts facts, Pod pod, SchedulerMessage.Part part, Optional<String> pinned) {
    String r = part.reason();
    String owner = PodContext.owner(pod);
    String n =
        pinned
            .map(node -> "node " + node)
            .orElse(
                part.count() > 0 ? part.count() + " node" + (part.count() == 1 ? "" : "s") : "");
    List<io.fabric8.kubernetes.api.model.Node> candidates =
        pinned.isEmpty()
            ? facts.nodes()
            : facts.nodes().stream()
                .filter(x -> pinned.get().equals(x.getMetadata().getName()))
                .toList();
    if (r.startsWith("Insufficient ")) {
      String resource = r.substring("Insufficient ".length()).strip();
      String asks =
          Placement.request(pod, resource)
              .map(q -> "the pod requests " + resource + "=" + Placement.text(resource, q))
              .orElse("the pod's request");
      String largest =
          Placement.largestAllocatable(candidates, resource)
              .map(
                  q ->
                      (pinned.isPresent() ? ", node allocatable " : ", largest node allocatable ")
                          + Placement.text(resource, q))
              .orElse("");
      return Optional.of(
          new Why(
              n + " lack free " + resource + " (" + asks + largest + ")",
              "lower the "
                  + resource
                  + " request of "
                  + owner
                  + ", free capacity (kubectl describe nodes: Allocated resources) or add nodes with more "
                  + resource,
              null));
    }
    if (r.contains("untolerated taint")) {
      String taint = r.contains("{") ? r.substring(r.indexOf('{')) : null;
      if (taint != null && taint.contains("node.kubernetes.io/unschedulable")) {
        return Optional.of(
            new Why(
                n + " are cordoned (unschedulable)" + cordoned(facts),
                "uncordon a node (kubectl uncordon) or add nodes",
                null));
      }
      if (taint != null
          && (taint.contains("node.kubernetes.io/not-ready")
              || taint.contains("node.kubernetes.io/unreachable"))) {
        return Optional.of(
            new Why(
                n + " are NotReady or unreachable " + taint,
                "bring the nodes back (their kubelet) or add nodes",
                null));
      }
      Optional<String> pressure = pressureOf(taint);
      if (pressure.isPresent()) {
        // the kubelet's own taint for a node condition: the node must recover, a toleration for
        // it would only place the pod where it gets evicted
        List<String> under = nodesUnder(facts, pressure.get());
        return Optional.of(
            new Why(
                n
                    + " are under "
                    + pressure.get()
                    + (under.isEmpty() ? "" : " (" + String.join(", ", under) + ")")
                    + ", tainted "
                    + taint,
                "relieve "
                    + pressure.get()
                    + " on "
                    + (under.isEmpty() ? "the node" : "node " + String.join(", ", under))
                    + pressureFix(pressure.get()),
                under.size() == 1 ? ObjectRef.node(under.getFirst()) : null));
      }
      String key =
          taint == null
              ? taintsFromNodes(pod, facts)
              : taint.replace("{", "").replace("}", "").replace(": ", "=").strip();
      return Optional.of(
          new Why(
              n + " have taint " + key + " that the pod does not tolerate",
              "add a toleration for "
                  + key
                  + " to "
                  + owner
                  + " if it should run there, or make room on nodes without that taint",
              null));
    }
    if (r.contains("node affinity/selector") || r.contains("node(s) didn't match node selector")) {
      List<String> wanted = Placement.nodeRequirements(pod);
      List<String> none = Placement.unmatchedSelector(pod, facts.nodes());
      return Optional.of(
          new Why(
              n
                  + " do not match the pod's node selector/affinity "
                  + (wanted.isEmpty() ? "" : String.join(", ", wanted))
                  + (none.isEmpty() ? "" : " (no node has label " + String.join(", ", none) + ")"),
              "correct nodeSelector/affinity in "
                  + owner
                  + (none.isEmpty()
                      ? ""
                      : ", or label a node: kubectl label node <node> " + String.join(" ", none)),
              null));
    }
    // the VolumeBinding plugin's PreBind failure ("binding volumes: provisioning failed for PVC
    // \"x\"") is the WaitForFirstConsumer form of the same thing: the claim is the cause
    if (r.contains("unbound immediate PersistentVolumeClaims")
        || r.contains("unbound PersistentVolumeClaims")
        || r.contains("\"VolumeBinding\": binding volumes")) {
      List<PersistentVolumeClaim> unbound =
          facts.claims().stream()
              .filter(c -> c.getStatus() == null || !"Bound".equals(c.getStatus().getPhase()))
              .filter(c -> claimNames(pod).contains(c.getMetadata().getName()))
              .toList();
      String names =
          unbound.isEmpty()
              ? String.join(", ", claimNames(pod))
              : String.join(", ", unbound.stream().map(c -> c.getMetadata().getName()).toList());
      ObjectRef blamed =
          unbound.isEmpty()
              ? null
              : new ObjectRef(
                  "PersistentVolumeClaim",
                  Pods.namespace(pod),
                  unbound.getFirst().getMetadata().getName());
      // the claim's own events say why it is unbound (a provisioner's or cloud's refusal): the
      // pod's answer carries them, so nobody has to ask about the claim next
      String why =
          unbound.stream()
              .map(c -> ClaimAnalyzer.provisioningFailure(facts, c))
              .flatMap(Optional::stream)
              .findFirst()
              .map(f -> " — provisioning failed" + f)
              .orElse("");
      return Optional.of(
          new Why(
              "its PersistentVolumeClaim " + names + " is not bound" + why,
              "get claim "
                  + names
                  + " bound first: its events say why (StorageClass, provisioner, matching PV)",
              blamed));
    }
    Optional<Missing> missing = Missing.in(r);
    if (missing.isPresent()) {
      return Optional.of(
          new Why(
              missing.get().text(),
              missing.get().fix(Pods.namespace(pod), PodContext.workload(pod)),
              missing.get().ref(Pods.namespace(pod))));
    }
    if (r.contains("didn't have free ports")) {
      List<Integer> ports = Placement.hostPorts(pod);
      return Optional.of(
          new Why(
              n
                  + " already use the hostPort "
                  + (ports.isEmpty() ? "" : ports.toString().replaceAll("[\\[\\]]", ""))
                  + " the pod asks for",
              "drop hostPort from "
                  + owner
                  + " (expose it with a Service), or run at most one replica per node",
              null));
    }
    if (r.contains("Too many pods")) {
      return Optional.of(
          new Why(
              n + " are at their pod limit (Too many pods)",
              "add nodes or raise the kubelet's maxPods",
              null));
    }
    if (r.contains("were unschedulable")) {
      return Optional.of(
          new Why(
              n + " are cordoned (unschedulable)" + cordoned(facts),
              "uncordon a node (kubectl uncordon) or add nodes",
              null));
    }
    if (r.contains("volume node affinity conflict")) {
      List<VolumeNodes.Pinned> pinnedVolumes = VolumeNodes.of(facts, pod, claimNames(pod));
      if (!pinnedVolumes.isEmpty()) {
        VolumeNodes.Pinned v = pinnedVolumes.getFirst();
        String state = v.state();
        return Optional.of(
            new Why(
                n
                    + " cannot reach its volume (volume node affinity conflict): claim "
                    + v.claim()
                    + " is bound to PersistentVolume "
                    + v.volume()
                    + ", which lives on node "
                    + v.node()
                    + state,
                state.isEmpty()
                    ? "make room on node " + v.node() + " (the only node its volume allows)"
                    : "bring node "
                        + v.node()
                        + " back; if it is gone for good, delete claim "
                        + v.claim()
                        + " (and its PersistentVolume) so the pod gets a new volume elsewhere"
                        + " — the data on that node is lost",
                v.found().isPresent() ? ObjectRef.node(v.node()) : null));
      }
      return Optional.of(
          new Why(
              n
                  + " cannot reach its volume (volume node affinity conflict: the PV lives in another zone)",
              "run the pod in the volume's zone, or use a StorageClass with volumeBindingMode WaitForFirstConsumer",
              null));
    }
    if (r.contains("anti-affinity")) {
      return Optional.of(
          new Why(
              n + " already run a pod its anti-affinity rules exclude",
              "relax the podAntiAffinity of "
                  + owner
                  + " (preferred instead of required) or add nodes",
              null));
    }
    if (r.contains("pod affinity")) {
      return Optional.of(
          new Why(
              n + " do not run the pods its affinity rules require",
              "check the podAffinity selector of " + owner,
              null));
    }
    if (r.contains("topology spread")) {
      return Optional.of(
          new Why(
              n + " would break its topology spread constraints",
              "relax topologySpreadConstraints (whenUnsatisfiable: ScheduleAnyway) or add nodes in the missing zones",
              null));
    }
    if (r.contains("max volume count")) {
      return Optional.of(
          new Why(
              n + " have attached their maximum number of volumes",
              "spread the pods over more nodes or use nodes that allow more volumes",
              null));
    }
    if (r.contains("no nodes available")) {
      return Optional.of(new Why("the cluster has no nodes to schedule on", "add nodes", null));
    }
    return Optional.of(
        new Why((n.isEmpty() ? "" : n + ": ") + r, "see the scheduler's message above", null));
  }

  /** "1 node lack free memory" → "1 node lacks free memory": the verb after the node count. */
  private static Why singular(Why w) {
    String[][] verbs = {
      {" lack ", " lacks "},
      {" have ", " has "},
      {" do not ", " does not "},
      {" are ", " is "},
      {" already use ", " already uses "},
      {" already run ", " already runs "}
    };
    int at = w.text().indexOf(' ', w.text().indexOf(' ') + 1); // after "1 node" / "node name"
    if (at < 0) {
      return w;
    }
    String head = w.text().substring(0, at);
    String rest = w.text().substring(at);
    for (String[] v : verbs) {
      if (rest.startsWith(v[0])) {
        return new Why(head + v[1] + rest.substring(v[0].length()), w.fix(), w.blames());
      }
    }
    return w;
  }

  private static String taintsFromNodes(Pod pod, ClusterFacts facts) {
    Map<String, List<Taint>> bad = Placement.untolerated(pod, facts.nodes());
    List<String> keys =
        bad.values().stream().flatMap(List::stream).map(Placement::text).distinct().toList();
    return keys.isEmpty() ? "(taints not visible)" : String.join(", ", keys);
  }

  /** ": fab-worker-03, fab-worker-04" — the cordoned nodes, so the one to uncordon is named. */
  private static String cordoned(ClusterFacts facts) {
    List<String> names =
        facts.nodes().stream()
            .filter(
                node ->
                    node.getSpec() != null
                        && Boolean.TRUE.equals(node.getSpec().getUnschedulable()))
            .map(node -> node.getMetadata().getName())
            .limit(5)
            .toList();
    return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
  }

  /** The node condition behind one of the kubelet's own taints, if the taint is one. */
  private static Optional<String> pressureOf(String taint) {
    if (taint == null) {
      return Optional.empty();
    }
    if (taint.contains("node.kubernetes.io/disk-pressure")) {
      return Optional.of("DiskPressure");
    }
    if (taint.contains("node.kubernetes.io/memory-pressure")) {
      return Optional.of("MemoryPressure");
    }
    if (taint.contains("node.kubernetes.io/pid-pressure")) {
      return Optional.of("PIDPressure");
    }
    if (taint.contains("node.kubernetes.io/network-unavailable")) {
      return Optional.of("NetworkUnavailable");
    }
    return Optional.empty();
  }

  private static List<String> nodesUnder(ClusterFacts facts, String condition) {
    return facts.nodes().stream()
        .filter(
            node ->
                node.getStatus() != null
                    && node.getStatus().getConditions() != null
                    && node.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> condition.equals(c.getType()) && "True".equals(c.getStatus())))
        .map(node -> node.getMetadata().getName())
        .toList();
  }

  private static String pressureFix(String condition) {
    return switch (condition) {
      case "DiskPressure" ->
          ": free disk (unused images: crictl rmi --prune; container logs; emptyDir data) or grow"
              + " the disk";
      case "MemoryPressure" -> ": move or limit the pods using its memory, or add memory";
      case "PIDPressure" -> ": find the pod leaking processes or threads, or raise pid limits";
      default -> ": fix the node's network plugin (CNI)";
    };
  }

  private static List<String> claimNames(Pod pod) {
    return pod.getSpec() == null
        ? List.of()
        : Pods.stream(pod.getSpec().getVolumes())
            .filter(v -> v.getPersistentVolumeClaim() != null)
            .map(v -> v.getPersistentVolumeClaim().getClaimName())
            .toList();
  }

  /** "requests: app cpu=2 memory=4Gi": what the scheduler had to fit. */
  private static Optional<String> requests(Pod pod) {
    List<String> parts = new ArrayList<>();
    for (var c : Pods.containers(pod)) {
      var cpu = Quantities.quantity(c.getResources(), false, "cpu");
      var mem = Quantities.quantity(c.getResources(), false, "memory");
      var gpu = Quantities.quantity(c.getResources(), false, "nvidia.com/gpu");
      if (cpu.isPresent() || mem.isPresent() || gpu.isPresent()) {
        parts.add(
            c.getName()
                + cpu.map(q -> " cpu=" + Quantities.text(q)).orElse("")
                + mem.map(q -> " memory=" + Quantities.text(q)).orElse("")
                + gpu.map(q -> " nvidia.com/gpu=" + Quantities.text(q)).orElse(""));
      }
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of("requests: " + String.join(", ", parts));
  }
}
