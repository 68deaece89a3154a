package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import lookout.agent.analyzers.LogArchive;
import lookout.agent.analyzers.LogSource;

/**
 * Bounded container log reads: at most {@link #MAX_LINES} lines ({@code tailLines}), at most {@link
 * #MAX_READ} bytes read and {@link LogText#MAX_BYTES} kept, each line capped. One plain {@code GET
 * pods/{name}/log} through the client's authenticated HTTP client: fabric8's log DSL first opens a
 * watch waiting for the pod to become ready, which costs a round trip and a {@code watch}
 * permission. When the API server has no log for the pod (it is gone, or its containers are:
 * evicted, deleted, node lost) and a {@link LogArchive} is set, the archive's lines stand in.
 */
public final class ClusterLogs implements LogSource {
  public static final int MAX_LINES = 200;
  static final int MAX_READ = 256 * 1024;
  private static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";

  private final KubernetesClient client;
  private volatile LogArchive archive;

  public ClusterLogs(KubernetesClient client) {
    this.client = client;
  }

  /** Reads {@code archiveOrNull} (Loki) when the API server has no log for a pod. */
  public void useArchive(LogArchive archiveOrNull) {
    this.archive = archiveOrNull;
  }

  /** The archive in use, or null. */
  public LogArchive archive() {
    return archive;
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
    LogTail tail = fromApiServer(namespace, pod, container, previous, lines);
    LogArchive a = archive;
    // a live pod without a previous instance is normal (its caller asks for the current one next);
    // no pod, or no current log, means the API server has nothing for it
    boolean nothing = tail.container().isEmpty() || !previous;
    if (tail.unavailable() == null || a == null || !nothing) {
      return tail;
    }
    String name = tail.container().isEmpty() ? container : tail.container();
    try {
      List<String> archived =
          a.tail(namespace, pod, name, previous, Math.max(1, Math.min(lines, MAX_LINES)));
      return archived.isEmpty()
          ? tail
          : new LogTail(name == null ? "" : name, archived, null, false, a.name());
    } catch (RuntimeException e) {
      return LogTail.unavailable(
          tail.container(), tail.unavailable() + "; " + a.name() + ": " + e.getMessage());
    }
  }

  private LogTail fromApiServer(
      String namespace, String pod, String container, boolean previous, int lines) {
    int n = Math.max(1, Math.min(lines, MAX_LINES));
    String name = container;
    if (name == null || name.isBlank()) {
      Pod p = client.pods().inNamespace(namespace).withName(pod).get();
      if (p == null) {
        return LogTail.unavailable("", "pod " + namespace + "/" + pod + " not found");
      }
      name = defaultContainer(p);
    }
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(logUri(namespace, pod, name, previous, n))
            .timeout(ClientSettings.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .build();
    try {
      HttpResponse<InputStream> response =
          client
              .getHttpClient()
              .sendAsync(request, InputStream.class)
              .get(ClientSettings.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      try (InputStream body = response.body()) {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_READ);
        if (!response.isSuccessful()) {
          return LogTail.unavailable(name, reason(response.code(), bytes));
        }
        return LogText.tail(name, bytes, bytes.length >= MAX_READ, n);
      }
    } catch (ExecutionException e) {
      throw new KubernetesClientException(
          "reading the log of " + namespace + "/" + pod + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new KubernetesClientException(
          "no log from "
              + namespace
              + "/"
              + pod
              + " within "
              + ClientSettings.REQUEST_TIMEOUT_MS
              + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KubernetesClientException("interrupted while reading a log", e);
    } catch (IOException e) {
      return LogTail.unavailable(name, "log stream failed: " + e.getMessage());
    }
  }

  private URI logUri(String namespace, String pod, String container, boolean previous, int n) {
    String base = client.getMasterUrl().toString();
    String path =
        "api/v1/namespaces/"
            + enc(namespace)
            + "/pods/"
            + enc(pod)
            + "/log?container="
            + enc(container)
            + "&tailLines="
            + n
            + "&limitBytes="
            + MAX_READ
            + (previous ? "&previous=true" : "");
    return URI.create(base.endsWith("/") ? base : base + "/").resolve(path);
  }

  /** The API server's message from a Status body, else the HTTP code. */
  private static String reason(int code, byte[] body) {
    try {
      Status status =
          Serialization.unmarshal(new String(body, StandardCharsets.UTF_8), Status.class);
      if (status != null && status.getMessage() != null) {
        return status.getMessage();
      }
    } catch (RuntimeException e) {
      // not a Status body: fall through to the code
    }
    return "the API server answered HTTP " + code;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String defaultContainer(Pod pod) {
    var annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.get(DEFAULT_CONTAINER) != null) {
      return annotations.get(DEFAULT_CONTAINER);
    }
    return pod.getSpec().getContainers().get(0).getName();
  }
}
