package lookout.bot.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lookout.approvals.ExpireSilence;
import lookout.approvals.SilenceAlerts;
import lookout.approvals.SilenceMatcher;

/**
 * What a silence of an alert group covers: the group's labels as equality matchers (the labels
 * Alertmanager grouped by; its common labels when it grouped by none), on the cluster the group's
 * {@code cluster} label names (else the default one), in the namespace its alerts share ("" when
 * they share none: the policy's rule for cluster-wide alerts decides).
 */
record SilenceScope(String cluster, String namespace, String name, List<SilenceMatcher> matchers) {
  static final int MAX_NAME = 120;

  SilenceScope {
    matchers = List.copyOf(matchers);
  }

  /** The scope of {@code n}, or empty when its labels give nothing to match on. */
  static Optional<SilenceScope> of(Notification n, AlertCluster clusters) {
    Map<String, String> labels = n.groupLabels().isEmpty() ? n.commonLabels() : n.groupLabels();
    List<SilenceMatcher> matchers = new ArrayList<>();
    new TreeMap<>(labels)
        .forEach(
            (k, v) -> {
              if (!v.isEmpty() && k.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                matchers.add(SilenceMatcher.equal(k, v));
              }
            });
    if (matchers.isEmpty()) {
      return Optional.empty();
    }
    String name = String.join(", ", AlertMessages.names(n));
    return Optional.of(
        new SilenceScope(
            clusters.of(n.commonLabels()),
            n.commonLabels().getOrDefault("namespace", ""),
            name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…",
            matchers));
  }

  SilenceAlerts silence(Duration duration, String user, String comment) {
    return new SilenceAlerts(cluster, namespace, name, matchers, duration, user, comment);
  }

  ExpireSilence unsilence(String silenceId) {
    return new ExpireSilence(cluster, namespace, name, silenceId);
  }
}
