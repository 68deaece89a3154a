package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a client config from one named kubeconfig file and context only: no {@code
 * ~/.kube/config}, no {@code KUBECONFIG} variable, no merging of other files.
 */
final class KubeconfigLoader {
  private KubeconfigLoader() {}

  static Config load(String cluster, Path file, String context) {
    String where = "cluster " + cluster + ": kubeconfig " + file;
    if (!Files.isRegularFile(file)) {
      throw new ClusterAccessException(where + " does not exist or is not a file");
    }
    if (!Files.isReadable(file)) {
      throw new ClusterAccessException(where + " is not readable");
    }
    io.fabric8.kubernetes.api.model.Config parsed;
    try {
      parsed = KubeConfigUtils.parseConfig(file.toFile());
    } catch (RuntimeException e) {
      throw new ClusterAccessException(where + " is not a valid kubeconfig: " + e.getMessage(), e);
    }
    List<String> contexts =
        parsed.getContexts() == null
            ? List.of()
            : parsed.getContexts().stream().map(NamedContext::getName).toList();
    String chosen = context == null || context.isBlank() ? parsed.getCurrentContext() : context;
    if (chosen == null || chosen.isBlank()) {
      throw new ClusterAccessException(
          where + " has no current-context; name one of " + contexts + " as context");
    }
    if (!contexts.contains(chosen)) {
      throw new ClusterAccessException(
          where
              + " has no context '"
              + chosen
              + "' (contexts: "
              + String.join(", ", contexts)
              + ")");
    }
    try {
      Config config = Config.fromKubeconfig(chosen, new File(file.toString()));
      if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
        throw new ClusterAccessException(where + ", context '" + chosen + "' names no server");
      }
      return ClientSettings.apply(config);
    } catch (ClusterAccessException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ClusterAccessException(
          where + ", context '" + chosen + "' cannot be used: " + e.getMessage(), e);
    }
  }
}
