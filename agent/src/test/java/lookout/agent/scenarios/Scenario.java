package lookout.agent.scenarios;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * A cluster in one state and the questions people ask about it.
 *
 * @param id unique within the library (the file name without {@code .yaml})
 * @param part {@code main} or {@code frozen}: reported separately
 * @param failureClass what is broken, e.g. {@code pod/crashloop}, {@code healthy}
 * @param objects what the API server holds, in creation order (shared includes first)
 * @param logs container logs keyed {@code namespace/pod/container}, previous instances with a
 *     {@code #previous} suffix
 */
public record Scenario(
    String id,
    String part,
    String failureClass,
    String title,
    List<HasMetadata> objects,
    Map<String, String> logs,
    List<Probe> probes) {
  public Scenario {
    objects = List.copyOf(objects);
    logs = Map.copyOf(logs);
    probes = List.copyOf(probes);
  }
}
