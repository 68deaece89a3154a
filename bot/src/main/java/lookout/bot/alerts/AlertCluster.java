package lookout.bot.alerts;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which configured cluster an alert group is about: the value of its cluster label ({@code
 * alerts.clusterLabel}, {@code cluster} by default) when that names a configured cluster, else the
 * default cluster.
 */
record AlertCluster(String label, Set<String> clusters, String defaultCluster) {
  AlertCluster {
    Objects.requireNonNull(label, "label");
    clusters = Set.copyOf(clusters);
    Objects.requireNonNull(defaultCluster, "defaultCluster");
  }

  /** One cluster (tests, or alerts without controls): every group is about the default. */
  static AlertCluster only(String cluster) {
    return new AlertCluster("cluster", Set.of(cluster), cluster);
  }

  String of(Map<String, String> labels) {
    String named = labels.getOrDefault(label, "");
    return clusters.contains(named) ? named : defaultCluster;
  }

  /** True when more than one cluster is configured: then every question names its cluster. */
  boolean several() {
    return clusters.size() > 1;
  }
}
