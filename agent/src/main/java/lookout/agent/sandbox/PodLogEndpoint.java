package lookout.agent.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log} with {@code container}, {@code previous},
 * {@code tailLines} and {@code limitBytes}, answering like the kubelet does through the API server:
 * plain text, or a 400 Status saying why there is no such log.
 */
final class PodLogEndpoint {
  private final KubernetesCrudDispatcher crud;
  private final ContainerLogs logs;

  PodLogEndpoint(KubernetesCrudDispatcher crud, ContainerLogs logs) {
    this.crud = crud;
    this.logs = logs;
  }

  static boolean applies(ApiRequest request) {
    return request.is("GET")
        && ResourcePath.parse(request.path())
            .filter(p -> p.plural().equals("pods") && "log".equals(p.subresource()))
            .isPresent();
  }

  MockResponse serve(ApiRequest request) {
    ResourcePath path = ResourcePath.parse(request.path()).orElseThrow();
    MockResponse stored = crud.handleGet(path.objectPath());
    if (stored.code() != 200) {
      return ApiResponses.notFound(path);
    }
    Pod pod =
        Serialization.unmarshal(
            new String(stored.getBody().getBytes(), StandardCharsets.UTF_8), Pod.class);
    String podName = pod.getMetadata().getName();
    List<String> names = pod.getSpec().getContainers().stream().map(Container::getName).toList();
    List<String> initNames =
        pod.getSpec().getInitContainers() == null
            ? List.of()
            : pod.getSpec().getInitContainers().stream().map(Container::getName).toList();
    String container = request.param("container");
    if (container == null || container.isEmpty()) {
      if (names.size() != 1) {
        return ApiResponses.badRequest(
            "a container name must be specified for pod " + podName + ", choose one of: " + names);
      }
      container = names.get(0);
    } else if (!names.contains(container) && !initNames.contains(container)) {
      return ApiResponses.badRequest("container " + container + " is not valid for pod " + podName);
    }
    ContainerStatus status = statusOf(pod, container).orElse(null);
    boolean previous = "true".equals(request.param("previous"));
    boolean crashedBefore =
        status != null
            && status.getLastState() != null
            && status.getLastState().getTerminated() != null;
    Optional<String> text;
    if (previous) {
      if (!crashedBefore) {
        return ApiResponses.badRequest(
            "previous terminated container \""
                + container
                + "\" in pod \""
                + podName
                + "\" not found");
      }
      text = logs.previous(pod, container);
    } else if (status == null
        || status.getState() == null
        || status.getState().getWaiting() != null) {
      if (!crashedBefore) {
        return ApiResponses.badRequest(
            "container \""
                + container
                + "\" in pod \""
                + podName
                + "\" is waiting to start: "
                + waitingReason(status));
      }
      // a crash-looping container's current id is its last run: the kubelet serves that run's log
      text = logs.previous(pod, container);
    } else {
      text = logs.current(pod, container);
    }
    return ApiResponses.text(
        bound(text.orElse(""), intParam(request, "tailLines"), intParam(request, "limitBytes")));
  }

  /** The status of an app or init container (the kubelet serves both logs). */
  private static Optional<ContainerStatus> statusOf(Pod pod, String container) {
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    return java.util.stream.Stream.of(
            pod.getStatus().getContainerStatuses(), pod.getStatus().getInitContainerStatuses())
        .filter(java.util.Objects::nonNull)
        .flatMap(List::stream)
        .filter(s -> container.equals(s.getName()))
        .findFirst();
  }

  private static String waitingReason(ContainerStatus status) {
    if (status == null || status.getState() == null || status.getState().getWaiting() == null) {
      return "ContainerCreating";
    }
    String reason = status.getState().getWaiting().getReason();
    return switch (reason == null ? "" : reason) {
      case "ImagePullBackOff", "ErrImagePull" -> "trying and failing to pull image";
      case "" -> "ContainerCreating";
      default -> reason;
    };
  }

  private static Integer intParam(ApiRequest request, String name) {
    String value = request.param(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The last {@code tailLines} lines, then at most {@code limitBytes} bytes of them from the start.
   */
  static String bound(String text, Integer tailLines, Integer limitBytes) {
    String out = text;
    if (tailLines != null && tailLines >= 0) {
      List<String> lines = Arrays.asList(text.split("\n", -1));
      boolean trailingNewline = text.endsWith("\n");
      List<String> body = trailingNewline ? lines.subList(0, lines.size() - 1) : lines;
      List<String> tail = body.subList(Math.max(0, body.size() - tailLines), body.size());
      out = tail.isEmpty() ? "" : String.join("\n", tail) + (trailingNewline ? "\n" : "");
    }
    if (limitBytes != null && limitBytes > 0) {
      byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > limitBytes) {
        out = new String(bytes, 0, limitBytes, StandardCharsets.UTF_8);
      }
    }
    return out;
  }
}
