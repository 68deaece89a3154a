package lookout.agent.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;

/**
 * Orders findings into root causes, the symptoms they explain, and what is left. General rules, no
 * analyzer named: a finding about an object the target does not depend on is unrelated; a cause
 * about an object another cause blames is the deeper cause and travels with it; a symptom is
 * explained when a cause covers its pods or its controller's pods; causes rank by severity, then by
 * how many of the target's pods they explain, then by catalog order (most specific first).
 *
 * @param causes root causes, most important first
 * @param deeper for a cause (by index in {@code causes}), the causes about what it blames
 * @param explained symptoms (and shallower causes) some cause accounts for
 * @param unexplained symptoms no cause accounts for
 * @param notes relevant findings that are not failures now (restarts hours ago…)
 * @param unrelated findings about objects the target does not depend on
 */
record Ranking(
    List<Finding> causes,
    Map<Finding, List<Finding>> deeper,
    List<Finding> explained,
    List<Finding> unexplained,
    List<Finding> notes,
    List<Finding> unrelated) {

  static Ranking of(Dependencies deps, List<Finding> findings) {
    List<Finding> relevant = new ArrayList<>();
    List<Finding> unrelated = new ArrayList<>();
    Set<ObjectRef> blamed = new HashSet<>();
    for (Finding f : findings) {
      if (f.about() == null || deps.contains(f.about())) {
        relevant.add(f);
        blamed.addAll(f.blames());
      }
    }
    for (Finding f : findings) {
      if (!relevant.contains(f)) {
        (blamed.contains(f.about()) ? relevant : unrelated).add(f);
      }
    }
    List<Finding> causes = new ArrayList<>();
    List<Finding> symptoms = new ArrayList<>();
    List<Finding> notes = new ArrayList<>();
    for (Finding f : relevant) {
      if (f.severity() == Finding.Severity.INFO || f.role() == Finding.Role.NOTE) {
        notes.add(f);
      } else if (f.role() == Finding.Role.CAUSE) {
        causes.add(f);
      } else {
        symptoms.add(f);
      }
    }
    // a cause about what another cause blames goes with that one, not on its own
    Map<Finding, List<Finding>> deeper = new LinkedHashMap<>();
    List<Finding> attached = new ArrayList<>();
    for (Finding shallow : causes) {
      for (Finding deep : causes) {
        boolean isTarget = deep.about() != null && deep.about().equals(deps.target());
        if (deep != shallow
            && !isTarget
            && deep.about() != null
            && shallow.blames().contains(deep.about())) {
          deeper.computeIfAbsent(shallow, k -> new ArrayList<>()).add(deep);
          attached.add(deep);
        }
      }
    }
    List<Finding> roots =
        new ArrayList<>(causes.stream().filter(c -> !attached.contains(c)).toList());
    if (roots.isEmpty() && !causes.isEmpty()) {
      roots.add(causes.getFirst()); // causes blaming each other in a circle: keep one
    }
    List<Finding> order = List.copyOf(findings);
    // a cause about the target itself (a node asked about, a claim asked about) leads
    roots.sort(
        Comparator.comparing((Finding f) -> f.about() == null || !f.about().equals(deps.target()))
            .thenComparing(Finding::severity)
            .thenComparing((Finding f) -> -coverage(f, deps))
            .thenComparing(order::indexOf));
    List<Finding> explained = new ArrayList<>();
    List<Finding> unexplained = new ArrayList<>();
    for (Finding s : symptoms) {
      (explainedBy(s, causes, deps) ? explained : unexplained).add(s);
    }
    unexplained.sort(Comparator.comparing(Finding::severity).thenComparing(order::indexOf));
    return new Ranking(roots, deeper, explained, unexplained, notes, unrelated);
  }

  /**
   * How many of the target's pods a finding explains (pods it names as affected, or its subject).
   */
  static int coverage(Finding f, Dependencies deps) {
    long n = f.affected().stream().filter(deps::isPod).count();
    if (n == 0 && f.about() != null && deps.isPod(f.about())) {
      n = 1;
    }
    return (int) n;
  }

  /**
   * A symptom is explained when a cause names its pods, or when the symptom is about a controller
   * (a workload that is not ready, a rollout that stopped) and some cause explains the target's
   * pods.
   */
  private static boolean explainedBy(Finding symptom, List<Finding> causes, Dependencies deps) {
    Set<ObjectRef> covered = new HashSet<>();
    for (Finding c : causes) {
      covered.addAll(c.affected());
      if (c.about() != null) {
        covered.add(c.about());
      }
    }
    List<ObjectRef> pods =
        symptom.affected().isEmpty() && symptom.about() != null && deps.isPod(symptom.about())
            ? List.of(symptom.about())
            : symptom.affected();
    if (!pods.isEmpty()) {
      return covered.containsAll(pods);
    }
    return causes.stream()
        .anyMatch(
            c ->
                coverage(c, deps) > 0
                    || c.about() == null
                    || Headline.CONTROLLERS.contains(c.about().kind()));
  }

  boolean broken() {
    return !causes.isEmpty() || !unexplained.isEmpty();
  }
}
