package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * HorizontalPodAutoscalers that cannot do their job, from the HPA controller's conditions and
 * events: it cannot read or update its target's scale (AbleToScale False), cannot compute a replica
 * count (ScalingActive False: FailedGetResourceMetric and friends, with the metrics pipeline's
 * message; "missing request for cpu" becomes the container to fix), is pinned at maxReplicas while
 * the metric stays above target (ScalingLimited TooManyReplicas), or targets utilization of a
 * resource the target's containers do not request.
 */
public final class HpaAnalyzer implements Analyzer {
  private static final Set<String> EVENTS =
      Set.of(
          "FailedGetResourceMetric",
          "FailedGetPodsMetric",
          "FailedGetExternalMetric",
          "FailedGetObjectMetric",
          "FailedComputeMetricsReplicas",
          "FailedGetScale",
          "FailedRescale",
          "SuccessfulRescale");

  private final Clock clock;

  public HpaAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (HorizontalPodAutoscaler hpa : facts.related().autoscalers()) {
      if (hpa.getSpec() == null) {
        continue;
      }
      analyze(facts, hpa).ifPresent(findings::add);
    }
    return findings;
  }

  private Optional<Finding> analyze(ClusterFacts facts, HorizontalPodAutoscaler hpa) {
    String subject =
        Meta.subject("HorizontalPodAutoscaler", hpa).replace("horizontalpodautoscaler ", "hpa ");
    ObjectRef about = Meta.ref("HorizontalPodAutoscaler", hpa);
    String target = targetText(hpa);
    List<String> evidence = new ArrayList<>();
    evidence.add(statusLine(hpa, target));
    List<EventLines.Folded> events =
        EventLines.about(
            facts.events(),
            "HorizontalPodAutoscaler",
            Meta.namespace(hpa),
            Meta.name(hpa),
            EVENTS,
            null);
    Optional<HorizontalPodAutoscalerCondition> ableToScale = condition(hpa, "AbleToScale", "False");
    Optional<HorizontalPodAutoscalerCondition> inactive = condition(hpa, "ScalingActive", "False");
    Optional<HorizontalPodAutoscalerCondition> limited = condition(hpa, "ScalingLimited", "True");
    List<String> unrequested = unrequested(facts, hpa);

    if (ableToScale.isPresent()) {
      HorizontalPodAutoscalerCondition c = ableToScale.get();
      evidence.add(conditionLine(c));
      evidence.addAll(EventLines.lines(events, clock));
      evidence.add(
          Meta.fix(
              String.valueOf(c.getReason()).equals("FailedGetScale")
                  ? "point scaleTargetRef of "
                      + subject
                      + " at an existing "
                      + target
                      + " (kind, name and apiVersion must match)"
                  : "give the HPA controller what the message above asks (usually RBAC on the scale subresource, or a webhook rejecting the update)"));
      return Optional.of(
          finding(
              Finding.Severity.CRITICAL,
              "HpaCannotScale",
              about,
              subject + " cannot scale " + target + ": " + c.getMessage(),
              evidence));
    }
    if (!unrequested.isEmpty()
        || inactive
            .map(c -> String.valueOf(c.getMessage()).contains("missing request for"))
            .orElse(false)) {
      inactive.ifPresent(c -> evidence.add(conditionLine(c)));
      unrequested.forEach(u -> evidence.add("container " + u));
      evidence.addAll(EventLines.lines(events, clock));
      String what = unrequested.isEmpty() ? "its containers" : unrequested.get(0);
      evidence.add(
          Meta.fix(
              "set resources.requests for the resource on every container of "
                  + target
                  + " ("
                  + what
                  + "): a utilization target is a percentage of the request"));
      return Optional.of(
          finding(
              Finding.Severity.WARNING,
              "HpaMissingRequests",
              about,
              subject
                  + " cannot compute utilization: "
                  + (unrequested.isEmpty()
                      ? "a container of " + target + " has no request"
                      : "container " + unrequested.get(0)),
              evidence));
    }
    if (inactive.isPresent()) {
      HorizontalPodAutoscalerCondition c = inactive.get();
      evidence.add(conditionLine(c));
      evidence.addAll(EventLines.lines(events, clock));
      if ("ScalingDisabled".equals(c.getReason())) {
        evidence.add(Meta.fix("scale " + target + " above zero to let the autoscaler work again"));
        return Optional.of(
            finding(
                Finding.Severity.INFO,
                "HpaInactive",
                about,
                subject + " is idle: " + target + " is scaled to zero",
                evidence));
      }
      String message = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      String fix =
          message.contains("resource metrics api")
                  || message.contains("metrics.k8s.io")
                  || message.contains("unable to get metrics for resource")
              ? "make the resource metrics API work: kubectl get apiservice v1beta1.metrics.k8s.io, and the metrics-server pods in kube-system"
              : message.contains("custom.metrics.k8s.io")
                      || message.contains("external.metrics.k8s.io")
                  ? "check the custom/external metrics adapter (e.g. prometheus-adapter) serving that metric"
                  : "fix what the HPA controller reports above";
      evidence.add(Meta.fix(fix));
      return Optional.of(
          finding(
              Finding.Severity.WARNING,
              "HpaMetricsUnavailable",
              about,
              subject
                  + " cannot read its metrics, so it does not scale "
                  + target
                  + ": "
                  + String.valueOf(c.getMessage())
                      .replaceFirst("^the HPA was unable to compute the replica count: ", ""),
              evidence));
    }
    if (limited.isPresent() && "TooManyReplicas".equals(limited.get().getReason())) {
      evidence.add(conditionLine(limited.get()));
      evidence.addAll(EventLines.lines(events, clock));
      evidence.add(
          Meta.fix(
              "raise maxReplicas of "
                  + subject
                  + " (cluster capacity and quota allowing), or make each pod handle more load"));
      return Optional.of(
          finding(
              Finding.Severity.WARNING,
              "HpaAtMax",
              about,
              subject
                  + " is at maxReplicas "
                  + hpa.getSpec().getMaxReplicas()
                  + " and wants more: "
                  + HpaMetrics.text(hpa),
              evidence));
    }
    return Optional.empty();
  }

  /** "deployment shop/web". */
  private static String targetText(HorizontalPodAutoscaler hpa) {
    var ref = hpa.getSpec().getScaleTargetRef();
    return ref == null
        ? "its target"
        : String.valueOf(ref.getKind()).toLowerCase(Locale.ROOT)
            + " "
            + Meta.namespace(hpa)
            + "/"
            + ref.getName();
  }

  private static String statusLine(HorizontalPodAutoscaler hpa, String target) {
    var s = hpa.getStatus();
    return Evidence.clip(
        "hpa "
            + Meta.ref(hpa)
            + ": "
            + target
            + ", replicas "
            + (s == null ? "?" : Evidence.intOf(s.getCurrentReplicas()))
            + " (desired "
            + (s == null ? "?" : Evidence.intOf(s.getDesiredReplicas()))
            + ", min "
            + Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1)
            + ", max "
            + hpa.getSpec().getMaxReplicas()
            + "), "
            + HpaMetrics.text(hpa));
  }

  private static String conditionLine(HorizontalPodAutoscalerCondition c) {
    return Evidence.clip(
        "condition "
            + c.getType()
            + "="
            + c.getStatus()
            + " ("
            + Evidence.orDash(c.getReason())
            + "): "
            + Evidence.orDash(c.getMessage()));
  }

  private static Optional<HorizontalPodAutoscalerCondition> condition(
      HorizontalPodAutoscaler hpa, String type, String status) {
    return hpa.getStatus() == null
        ? Optional.empty()
        : Pods.stream(hpa.getStatus().getConditions())
            .filter(c -> type.equals(c.getType()) && status.equals(c.getStatus()))
            .findFirst();
  }

  /** "app of deployment shop/web has no cpu request" for each utilization target unrequested. */
  private static List<String> unrequested(ClusterFacts facts, HorizontalPodAutoscaler hpa) {
    var ref = hpa.getSpec().getScaleTargetRef();
    if (ref == null) {
      return List.of();
    }
    Optional<PodTemplateSpec> template =
        template(facts, Meta.namespace(hpa), ref.getKind(), ref.getName());
    if (template.isEmpty() || template.get().getSpec() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (MetricSpec m : Pods.stream(hpa.getSpec().getMetrics()).toList()) {
      if (m.getResource() == null
          || m.getResource().getTarget() == null
          || !"Utilization".equals(m.getResource().getTarget().getType())) {
        continue;
      }
      String resource = m.getResource().getName();
      for (Container c : Pods.stream(template.get().getSpec().getContainers()).toList()) {
        if (Quantities.quantity(c.getResources(), false, resource).isEmpty()) {
          out.add(c.getName() + " of " + targetText(hpa) + " has no " + resource + " request");
        }
      }
    }
    return out;
  }

  private static Optional<PodTemplateSpec> template(
      ClusterFacts facts, String ns, String kind, String name) {
    List<? extends HasMetadata> items =
        switch (String.valueOf(kind)) {
          case "Deployment" -> facts.related().deployments();
          case "StatefulSet" -> facts.related().statefulSets();
          case "ReplicaSet" -> facts.related().replicaSets();
          default -> List.of();
        };
    return items.stream()
        .filter(o -> Meta.name(o).equals(name) && Meta.in(o, ns))
        .findFirst()
        .map(
            o ->
                switch (o) {
                  case io.fabric8.kubernetes.api.model.apps.Deployment d ->
                      d.getSpec() == null ? null : d.getSpec().getTemplate();
                  case io.fabric8.kubernetes.api.model.apps.StatefulSet s ->
                      s.getSpec() == null ? null : s.getSpec().getTemplate();
                  case io.fabric8.kubernetes.api.model.apps.ReplicaSet r ->
                      r.getSpec() == null ? null : r.getSpec().getTemplate();
                  default -> null;
                });
  }

  private static Finding finding(
      Finding.Severity severity,
      String analyzer,
      ObjectRef about,
      String summary,
      List<String> evidence) {
    return Meta.finding(severity, analyzer, about, summary, evidence).build();
  }
}
