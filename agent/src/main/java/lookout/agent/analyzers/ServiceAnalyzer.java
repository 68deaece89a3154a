package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services that route nowhere: a selector matching no pod (shown next to the labels of the pods it
 * probably meant), a targetPort no container of the selected pods exposes, selected pods none of
 * which is ready (why, per pod), and LoadBalancers the cloud could not provision. ExternalName
 * services and services without a selector (endpoints kept by hand) are left alone unless asked
 * about. Reads {@link Related#services()} and {@link Related#endpointSlices()}; the candidate pods
 * are {@link ClusterFacts#pods()} of the service's namespace (for a Service question the gatherer
 * passes the namespace's pods).
 */
public final class ServiceAnalyzer implements Analyzer {
  private static final Set<String> LB_EVENTS =
      Set.of("SyncLoadBalancerFailed", "CreatingLoadBalancerFailed", "UpdateLoadBalancerFailed");

  private final Clock clock;

  public ServiceAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (Service service : facts.related().services()) {
      if (service.getSpec() == null || "ExternalName".equals(service.getSpec().getType())) {
        continue;
      }
      Map<String, String> selector = service.getSpec().getSelector();
      if (selector == null || selector.isEmpty()) {
        manual(facts, service).ifPresent(findings::add);
        continue;
      }
      List<Pod> inNamespace =
          facts.pods().stream()
              .filter(p -> Pods.namespace(p).equals(Meta.namespace(service)))
              .filter(p -> !Pods.finished(p))
              .toList();
      List<Pod> selected =
          inNamespace.stream().filter(p -> Labels.matches(selector, Meta.labels(p))).toList();
      List<Endpoint> endpoints = endpoints(facts, service);
      if (selected.isEmpty() && endpoints.isEmpty() && !slicesUnknown(facts)) {
        findings.add(noPods(facts, service, selector, inNamespace));
        continue;
      }
      ServicePorts.unexposed(service, selected).ifPresent(findings::add);
      if (!selected.isEmpty() && selected.stream().noneMatch(ServiceAnalyzer::ready)) {
        findings.add(noneReady(service, selected));
      }
      loadBalancer(facts, service).ifPresent(findings::add);
    }
    return findings;
  }

  private Finding noPods(
      ClusterFacts facts, Service service, Map<String, String> selector, List<Pod> others) {
    String subject = Meta.subject("Service", service);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.clip("selector: " + Labels.text(selector)));
    List<NearestLabels.Labelled> labelled = new ArrayList<>();
    others.forEach(p -> labelled.add(NearestLabels.Labelled.of(p)));
    labelled.addAll(ServiceTemplates.of(facts, Meta.namespace(service)));
    List<NearestLabels.Candidate> nearest = NearestLabels.of(selector, labelled);
    for (NearestLabels.Candidate c : nearest) {
      NearestLabels.Labelled first = c.members().get(0);
      int more = c.members().size() - 1;
      evidence.add(
          Evidence.clip(
              "nearest: "
                  + first.shown()
                  + (more > 0 ? " (+" + more + " like it)" : "")
                  + ": "
                  + Labels.text(c.labels())
                  + " — "
                  + String.join(", ", c.differences(selector))));
    }
    String fix;
    if (nearest.isEmpty()) {
      evidence.add(
          others.isEmpty()
              ? "pods: none found in namespace " + Meta.namespace(service)
              : Evidence.names(
                  "pods in the namespace: ", others.stream().map(Pods::name).toList()));
      fix =
          "deploy the pods service "
              + Meta.ref(service)
              + " should route to, or correct its selector "
              + Labels.text(selector);
    } else {
      NearestLabels.Candidate best = nearest.get(0);
      String owner =
          best.members().stream()
              .map(NearestLabels.Labelled::owner)
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .map(w -> " (the labels of " + w + ")")
              .orElse("");
      fix =
          "change the selector of service "
              + Meta.ref(service)
              + " to "
              + Labels.text(best.suggestedSelector(selector))
              + owner
              + ", or label those pods "
              + Labels.text(selector);
    }
    evidence.add(Meta.fix(fix));
    String summary =
        subject
            + " has no endpoints: its selector "
            + Labels.text(selector)
            + (others.isEmpty()
                ? " matches no pod in " + Meta.namespace(service)
                : " matches none of the " + others.size() + " pods in " + Meta.namespace(service));
    return Meta.finding(
            Finding.Severity.CRITICAL,
            "ServiceNoEndpoints",
            Meta.ref("Service", service),
            Evidence.clip(summary),
            evidence)
        .build();
  }

  private Finding noneReady(Service service, List<Pod> selected) {
    String subject = Meta.subject("Service", service);
    List<String> evidence = new ArrayList<>();
    evidence.add(Evidence.clip("selector: " + Labels.text(service.getSpec().getSelector())));
    selected.stream()
        .limit(5)
        .forEach(p -> evidence.add(Evidence.clip("pod " + Pods.name(p) + ": " + whyNotReady(p))));
    if (selected.size() > 5) {
      evidence.add("… " + (selected.size() - 5) + " more pods not ready");
    }
    evidence.add(
        Meta.fix(
            "make the pods ready: the pod findings say why they are not; the service sends"
                + " traffic only to ready pods"));
    String summary =
        subject
            + " has no ready endpoint: none of its "
            + selected.size()
            + " pods is ready ("
            + whyNotReady(selected.get(0))
            + ")";
    return Meta.finding(
            Finding.Severity.WARNING,
            "ServiceNotReady",
            Meta.ref("Service", service),
            Evidence.clip(summary),
            evidence)
        .role(Finding.Role.SYMPTOM)
        .affects(pods(selected))
        .blames(pods(selected))
        .build();
  }

  /** A Service without a selector routes to endpoints someone maintains by hand. */
  private Optional<Finding> manual(ClusterFacts facts, Service service) {
    if (!Meta.isTarget(facts, "Service", service)
        || slicesUnknown(facts)
        || !endpoints(facts, service).isEmpty()) {
      return Optional.empty();
    }
    String subject = Meta.subject("Service", service);
    return Optional.of(
        Meta.finding(
                Finding.Severity.WARNING,
                "ServiceNoEndpoints",
                Meta.ref("Service", service),
                subject + " has no selector and no endpoints, so it routes nowhere",
                List.of(
                    "selector: (none): endpoints must be created by hand or by another controller",
                    Meta.fix(
                        "add a selector to service "
                            + Meta.ref(service)
                            + " or create the EndpointSlice it should use")))
            .build());
  }

  private Optional<Finding> loadBalancer(ClusterFacts facts, Service service) {
    if (!"LoadBalancer".equals(service.getSpec().getType())
        || (service.getStatus() != null
            && service.getStatus().getLoadBalancer() != null
            && !Pods.stream(service.getStatus().getLoadBalancer().getIngress())
                .toList()
                .isEmpty())) {
      return Optional.empty();
    }
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(),
            "Service",
            Meta.namespace(service),
            Meta.name(service),
            LB_EVENTS,
            null);
    if (events.isEmpty()) {
      return Optional.empty();
    }
    String subject = Meta.subject("Service", service);
    List<String> evidence = new ArrayList<>(EventLines.lines(events, clock));
    evidence.add(
        Meta.fix(
            "fix what the cloud controller reports above (quota, subnet tags, annotations) for"
                + " service "
                + Meta.ref(service)));
    return Optional.of(
        Meta.finding(
                Finding.Severity.WARNING,
                "LoadBalancerPending",
                Meta.ref("Service", service),
                Evidence.clip(subject + " has no external address: " + events.get(0).message()),
                evidence)
            .build());
  }

  /** The pods as finding references. */
  static List<ObjectRef> pods(List<Pod> pods) {
    return pods.stream().map(p -> ObjectRef.pod(Pods.namespace(p), Pods.name(p))).toList();
  }

  static boolean ready(Pod p) {
    return Pods.condition(p, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** "CrashLoopBackOff (container app)", "Pending: 0/3 nodes are available…", "readiness…". */
  static String whyNotReady(Pod p) {
    for (ContainerStatus s : Pods.statuses(p)) {
      if (Pods.state(s).getWaiting() != null && Pods.state(s).getWaiting().getReason() != null) {
        return Pods.state(s).getWaiting().getReason() + " (container " + s.getName() + ")";
      }
    }
    if ("Pending".equals(Pods.phase(p))) {
      return Pods.condition(p, "PodScheduled")
          .filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null)
          .map(c -> "Pending: " + c.getMessage())
          .orElse("Pending");
    }
    return Pods.condition(p, "Ready")
        .map(c -> c.getMessage() == null ? "not ready" : "not ready: " + c.getMessage())
        .orElse("not ready");
  }

  private static List<Endpoint> endpoints(ClusterFacts facts, Service service) {
    return facts.related().endpointSlices().stream()
        .filter(s -> Meta.in(s, Meta.namespace(service)))
        .filter(s -> Meta.name(service).equals(Meta.labels(s).get("kubernetes.io/service-name")))
        .flatMap(s -> Pods.stream(s.getEndpoints()))
        .toList();
  }

  /** Endpoint slices could not be read, so their absence proves nothing. */
  private static boolean slicesUnknown(ClusterFacts facts) {
    return facts.related().gaps().stream().anyMatch(g -> g.resource().equals("endpointslices"));
  }

  static Optional<IntOrString> targetPort(ServicePort port) {
    return Optional.ofNullable(port.getTargetPort())
        .or(() -> Optional.ofNullable(port.getPort()).map(IntOrString::new));
  }
}
