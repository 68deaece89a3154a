package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;

/**
 * The container log texts of the sandbox, kept as resources: {@code
 * logs/<namespace>/<pod>/<container>.log} and {@code ….previous.log} for the seeded pods, and a
 * shared {@code logs/running.log} template (with {@code {{app}}}) for pods that simply run.
 */
final class SandboxLogs implements ContainerLogs {
  private final SeedText seed;

  SandboxLogs(SeedText seed) {
    this.seed = seed;
  }

  @Override
  public Optional<String> current(Pod pod, String container) {
    Optional<String> own = seed.read(base(pod, container) + ".log");
    if (own.isPresent()) {
      return own;
    }
    String app =
        pod.getMetadata().getLabels() == null
            ? container
            : pod.getMetadata().getLabels().getOrDefault("app", container);
    return seed.read("logs/running.log").map(t -> t.replace("{{app}}", app));
  }

  @Override
  public Optional<String> previous(Pod pod, String container) {
    return seed.read(base(pod, container) + ".previous.log");
  }

  private static String base(Pod pod, String container) {
    return "logs/"
        + pod.getMetadata().getNamespace()
        + "/"
        + pod.getMetadata().getName()
        + "/"
        + container;
  }
}
