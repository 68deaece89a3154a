package lookout.agent.inspect;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.RecentRestartsAnalyzer;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.diagnosis.DiagnosisEngine;

/**
 * Runs a check-up over one namespace or every namespace of a cluster: the analyzer catalog of the
 * diagnosis engine namespace by namespace (recent restarts and stuck rollouts among them) and, when
 * metrics exist, usage findings. One finding per {@link FindingKey} (a node under pressure is seen
 * from every namespace but reported once). Blocking; a namespace that cannot be read becomes a
 * note, not a failed report.
 */
public final class Inspector {
  /** A check-up of a huge cluster stays a report, not a dump. */
  static final int MAX_NAMESPACES = 200;

  private final String cluster;
  private final ClusterReader reader;
  private final FactsGatherer gatherer;
  private final DiagnosisEngine engine;
  private final UsageChecks usage;
  private final Clock clock;

  /**
   * @param usage metric-based checks, or null when the cluster has no metrics
   */
  public Inspector(
      String cluster,
      ClusterReader reader,
      List<Analyzer> analyzers,
      UsageChecks usage,
      Clock clock) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.gatherer = new FactsGatherer(cluster, reader);
    List<Analyzer> all = new ArrayList<>(analyzers);
    if (all.stream().noneMatch(a -> a instanceof RecentRestartsAnalyzer)) {
      all.add(new RecentRestartsAnalyzer(clock)); // a check-up lists restarts even when healthy now
    }
    this.engine = new DiagnosisEngine(gatherer, all, clock);
    this.usage = usage;
    this.clock = clock;
  }

  /** Inspects {@code namespace}, or every namespace when it is null. */
  public InspectionReport inspect(String namespace) {
    List<String> notes = new ArrayList<>();
    List<String> namespaces = namespace == null ? reader.namespaces() : List.of(namespace);
    if (namespaces.size() > MAX_NAMESPACES) {
      notes.add(
          "only the first "
              + MAX_NAMESPACES
              + " of "
              + namespaces.size()
              + " namespaces were inspected; inspect one namespace for the rest");
      namespaces = namespaces.subList(0, MAX_NAMESPACES);
    }
    Map<String, Finding> byKey = new LinkedHashMap<>();
    for (String ns : namespaces) {
      try {
        keep(byKey, engine.findings(gatherer.forNamespace(ns)));
      } catch (RuntimeException e) {
        notes.add("namespace " + ns + " could not be read: " + e.getMessage());
      }
    }
    List<String> usageLines = new ArrayList<>();
    if (usage == null) {
      notes.add("no metrics configured: top consumers, limits and volume usage were not checked");
    } else {
      try {
        UsageChecks.Result r = usage.check(namespace);
        keep(byKey, r.findings());
        usageLines.addAll(r.lines());
      } catch (RuntimeException e) {
        notes.add("metrics could not be read: " + e.getMessage());
      }
    }
    List<Finding> findings =
        byKey.values().stream().sorted(Comparator.comparing(Finding::severity)).toList();
    return new InspectionReport(cluster, namespace, clock.instant(), findings, usageLines, notes);
  }

  /** The first finding per key wins: analyzers run most specific first. */
  private static void keep(Map<String, Finding> byKey, List<Finding> findings) {
    for (Finding f : findings) {
      byKey.putIfAbsent(FindingKey.of(f), f);
      if (f.analyzer().equals("Restarts")) {
        // A pod another analyzer already explains needs no "it restarted" line as well.
        String stem = FindingKey.stable(f.subject());
        if (byKey.keySet().stream().anyMatch(k -> !k.startsWith("Restarts ") && k.endsWith(stem))) {
          byKey.remove(FindingKey.of(f));
        }
      }
    }
  }
}
