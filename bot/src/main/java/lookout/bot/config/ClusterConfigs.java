package lookout.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds the {@code clusters} list: each entry a name and exactly one way to reach the cluster. */
final class ClusterConfigs {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ClusterConfigs() {}

  static List<LookoutConfig.Cluster> bind(ConfigTree t, ObjectNode root) {
    List<LookoutConfig.Cluster> clusters = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> nodes = t.list(root, "clusters", "clusters");
    for (int i = 0; i < nodes.size(); i++) {
      String key = "clusters[" + i + "]";
      if (!nodes.get(i).isObject()) {
        t.problem(
            key, nodes.get(i), "a mapping with name and one of sandbox, kubeconfig, inCluster");
        continue;
      }
      ObjectNode n = (ObjectNode) nodes.get(i);
      t.checkKeys(n, key, Set.of("name", "sandbox", "kubeconfig", "context", "inCluster"));
      String name = t.string(n, "name", key + ".name").orElse("");
      if (!NAME.matcher(name).matches()) {
        t.problem(
            key + ".name",
            name,
            "a lower-case name like prod or eu-west-1 (letters, digits, dashes)");
      } else if (!seen.add(name)) {
        t.problem(key + ".name", name, "a name not used by another cluster");
      }
      boolean sandbox = t.bool(n, "sandbox", key + ".sandbox", false);
      boolean inCluster = t.bool(n, "inCluster", key + ".inCluster", false);
      Optional<Path> kubeconfig = t.string(n, "kubeconfig", key + ".kubeconfig").map(Path::of);
      Optional<String> context = t.string(n, "context", key + ".context");
      int modes = (sandbox ? 1 : 0) + (inCluster ? 1 : 0) + (kubeconfig.isPresent() ? 1 : 0);
      if (modes != 1) {
        t.problem(key, name, "exactly one of sandbox: true, inCluster: true or kubeconfig: <file>");
        continue;
      }
      kubeconfig
          .filter(p -> !Files.isRegularFile(p))
          .ifPresent(p -> t.problem(key + ".kubeconfig", p, "an existing kubeconfig file"));
      LookoutConfig.Cluster.Mode mode =
          sandbox
              ? LookoutConfig.Cluster.Mode.SANDBOX
              : inCluster
                  ? LookoutConfig.Cluster.Mode.IN_CLUSTER
                  : LookoutConfig.Cluster.Mode.KUBECONFIG;
      clusters.add(new LookoutConfig.Cluster(name, mode, kubeconfig, context));
    }
    return clusters;
  }
}
