package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ResourceQuotas that block creation: used at or near hard per resource, linked to the admission
 * errors controllers record as FailedCreate ("exceeded quota: compute, requested: …, used: …,
 * limited: …" and "failed quota: compute: must specify limits.cpu for: app"). The workload's own
 * FailedCreate is the workload analyzers' finding; this one is the quota's evidence and fix.
 */
public final class QuotaAnalyzer implements Analyzer {
  /** Used at or above this share of hard is worth a look even before anything fails. */
  static final int NEAR_PERCENT = 90;

  private static final Pattern QUOTA = Pattern.compile("(?:exceeded|failed) quota: ([a-z0-9.-]+)");

  private final Clock clock;

  public QuotaAnalyzer(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    List<Finding> findings = new ArrayList<>();
    for (ResourceQuota quota : facts.related().quotas()) {
      List<Event> rejections = rejections(facts.events(), quota);
      List<String> usage = new ArrayList<>();
      List<String> full = new ArrayList<>();
      int worst = 0;
      Map<String, Quantity> hard =
          quota.getStatus() == null || quota.getStatus().getHard() == null
              ? Map.of()
              : quota.getStatus().getHard();
      Map<String, Quantity> used =
          quota.getStatus() == null || quota.getStatus().getUsed() == null
              ? Map.of()
              : quota.getStatus().getUsed();
      for (Map.Entry<String, Quantity> h : new TreeMap<>(hard).entrySet()) {
        Optional<Integer> percent = percent(used.get(h.getKey()), h.getValue());
        if (percent.isEmpty()) {
          continue;
        }
        String line =
            h.getKey()
                + " "
                + text(used.get(h.getKey()))
                + "/"
                + text(h.getValue())
                + " ("
                + percent.get()
                + "%)";
        usage.add(line);
        if (percent.get() >= NEAR_PERCENT) {
          full.add(line);
        }
        worst = Math.max(worst, percent.get());
      }
      if (rejections.isEmpty() && full.isEmpty()) {
        continue;
      }
      String subject = Meta.subject("ResourceQuota", quota);
      List<String> evidence = new ArrayList<>();
      evidence.add(
          Evidence.names("quota " + Meta.ref(quota) + ": ", full.isEmpty() ? usage : full));
      EventLines.lines(folded(rejections), clock).forEach(evidence::add);
      boolean mustSpecify =
          rejections.stream()
              .anyMatch(e -> String.valueOf(e.getMessage()).contains("must specify"));
      evidence.add(
          Meta.fix(
              mustSpecify
                  ? "set the requests/limits the quota names on every container (or add a LimitRange with defaults in "
                      + Meta.namespace(quota)
                      + ")"
                  : "raise the hard limit in resourcequota "
                      + Meta.ref(quota)
                      + ", or free room: lower requests or scale down other workloads in "
                      + Meta.namespace(quota)));
      // a full quota that has refused nothing yet is worth knowing, not the cause of a failure
      Finding.Severity severity =
          rejections.isEmpty() ? Finding.Severity.INFO : Finding.Severity.CRITICAL;
      String summary =
          !rejections.isEmpty()
              ? subject
                  + " rejects new objects: "
                  + (mustSpecify
                      ? "containers lack the requests/limits it requires"
                      : full.isEmpty()
                          ? "a request would exceed it"
                          : "at " + String.join(", ", full))
              : subject
                  + (worst >= 100 ? " is full: " : " is nearly full: ")
                  + String.join(", ", full);
      findings.add(
          Meta.finding(
                  severity,
                  "QuotaExceeded",
                  Meta.ref("ResourceQuota", quota),
                  Evidence.clip(summary),
                  evidence)
              .build());
    }
    return findings;
  }

  /** FailedCreate (and similar) events naming this quota, in its namespace. */
  private static List<Event> rejections(List<Event> events, ResourceQuota quota) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      Matcher m = QUOTA.matcher(String.valueOf(e.getMessage()));
      String ns = e.getInvolvedObject() == null ? null : e.getInvolvedObject().getNamespace();
      if (m.find()
          && m.group(1).equals(Meta.name(quota))
          && (ns == null || ns.equals(Meta.namespace(quota)))) {
        out.add(e);
      }
    }
    return out;
  }

  /** Rejections folded per object, as "event FailedCreate ×4 (last 1m ago): …" lines. */
  private static List<EventLines.Folded> folded(List<Event> events) {
    List<EventLines.Folded> out = new ArrayList<>();
    events.stream()
        .map(e -> e.getInvolvedObject())
        .filter(java.util.Objects::nonNull)
        .distinct()
        .forEach(
            o ->
                out.addAll(
                    EventLines.about(
                        events,
                        o.getKind(),
                        o.getNamespace(),
                        o.getName(),
                        java.util.Set.of(),
                        null)));
    return out;
  }

  private static Optional<Integer> percent(Quantity used, Quantity hard) {
    try {
      BigDecimal h = Quantity.getAmountInBytes(hard);
      BigDecimal u = used == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(used);
      if (h.signum() <= 0) {
        return u.signum() > 0 ? Optional.of(100) : Optional.empty();
      }
      return Optional.of(
          u.multiply(BigDecimal.valueOf(100)).divide(h, 0, RoundingMode.HALF_UP).intValue());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String text(Quantity q) {
    return q == null ? "0" : Quantities.text(q);
  }
}
