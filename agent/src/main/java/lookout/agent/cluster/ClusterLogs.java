package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.PrettyLoggable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import lookout.agent.analyzers.LogSource;

/**
 * Bounded container log reads: at most {@link #MAX_LINES} lines, at most {@link #MAX_BYTES} kept of at
 * most {@link #MAX_READ} read, each line capped. Never waits for a pod to become ready.
 */
public final class ClusterLogs implements LogSource {
  public static final int MAX_LINES = 200;
  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_READ = 256 * 1024;
  private static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

  private final KubernetesClient client;

  public ClusterLogs(KubernetesClient client) {
    this.client = client;
  }

  /** The analyzers' view: lines only, empty when there is no such log. */
  @Override
  public List<String> tail(
      String namespace, String pod, String container, boolean previous, int lines) {
    return read(namespace, pod, container, previous, lines).lines();
  }

  /**
   * The last {@code lines} lines (1..{@value #MAX_LINES}) of a container's log.
   *
   * @param container null for the pod's default container
   */
  public LogTail read(String namespace, String pod, String container, boolean previous, int lines) {
    int n = Math.max(1, Math.min(lines, MAX_LINES));
    String name = container;
    try {
      if (name == null || name.isBlank()) {
        Pod p = client.pods().inNamespace(namespace).withName(pod).get();
        if (p == null) {
          return LogTail.unavailable("", "pod " + namespace + "/" + pod + " not found");
        }
        name = defaultContainer(p);
      }
      ContainerResource resource =
          client.pods().inNamespace(namespace).withName(pod).inContainer(name)
              .withReadyWaitTimeout(0);
      PrettyLoggable loggable = previous ? resource.terminated().tailingLines(n)
          : resource.limitBytes(MAX_READ).tailingLines(n);
      try (InputStream in = loggable.getLogInputStream()) {
        return bounded(name, in, n);
      }
    } catch (KubernetesClientException e) {
      String why = e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : e.getMessage();
      return LogTail.unavailable(name == null ? "" : name, why);
    } catch (IOException e) {
      return LogTail.unavailable(name, "log stream failed: " + e.getMessage());
    }
  }

  private static LogTail bounded(String container, InputStream in, int n) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int total = 0;
    int read;
    while (total < MAX_READ && (read = in.read(chunk, 0, Math.min(chunk.length, MAX_READ - total)))
        > 0) {
      buffer.write(chunk, 0, read);
      total += read;
    }
    boolean cut = total >= MAX_READ;
    byte[] bytes = buffer.toByteArray();
    int from = 0;
    if (bytes.length > MAX_BYTES) {
      from = bytes.length - MAX_BYTES;
      cut = true;
    }
    String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    if (from > 0 && text.indexOf('\n') >= 0) {
      text = text.substring(text.indexOf('\n') + 1); // drop the partial first line
    }
    List<String> all = Arrays.asList(text.split("\r?\n"));
    int end = all.size();
    while (end > 0 && all.get(end - 1).isEmpty()) {
      end--;
    }
    List<String> tail = all.subList(Math.max(0, end - n), end).stream().map(Capped::line).toList();
    return new LogTail(container, tail, null, cut);
  }

  static String defaultContainer(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.get(DEFAULT_CONTAINER) != null) {
      return annotations.get(DEFAULT_CONTAINER);
    }
    return pod.getSpec().getContainers().get(0).getName();
  }
}
