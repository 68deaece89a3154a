package lookout.bot.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for kube-state-metrics ({@code /ksm}) and the kubelet's cAdvisor ({@code /cadvisor})
 * over the sandbox's workloads, in the Prometheus text format, so the real kube-prometheus rules
 * evaluate against series shaped like a cluster's. {@link #fix()} makes staging/checkout healthy.
 */
final class FakeClusterExporter implements AutoCloseable {
  record PodSeries(String namespace, String pod, String container) {}

  static final PodSeries CHECKOUT =
      new PodSeries("staging", "checkout-7d9f8c6b5d-x2k4p", "checkout");
  static final List<PodSeries> HEALTHY =
      List.of(
          new PodSeries("prod", "order-service-5f7c9b8d6-k8s2m", "order-service"),
          new PodSeries("prod", "inventory-8b6d5c7f9-2xkqj", "inventory"),
          new PodSeries("staging", "search-5b7d8c9f6-h2kzp", "search"));

  private final HttpServer server;
  private final AtomicBoolean crashing = new AtomicBoolean(true);
  private final AtomicLong restarts = new AtomicLong(7);

  FakeClusterExporter() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ksm", ex -> reply(ex, kubeStateMetrics()));
    server.createContext("/cadvisor", ex -> reply(ex, cadvisor()));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void fix() {
    crashing.set(false);
  }

  private static void reply(com.sun.net.httpserver.HttpExchange ex, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private String kubeStateMetrics() {
    StringBuilder out = new StringBuilder();
    out.append("# TYPE kube_pod_container_status_waiting_reason gauge\n");
    if (crashing.get()) {
      out.append(
          series(
              "kube_pod_container_status_waiting_reason",
              CHECKOUT,
              ",reason=\"CrashLoopBackOff\"",
              1));
      restarts.incrementAndGet();
    }
    out.append("# TYPE kube_pod_container_status_restarts_total counter\n");
    out.append(series("kube_pod_container_status_restarts_total", CHECKOUT, "", restarts.get()));
    for (PodSeries p : HEALTHY) {
      out.append(series("kube_pod_container_status_restarts_total", p, "", 0));
    }
    out.append("# TYPE kube_pod_status_phase gauge\n");
    for (PodSeries p : concat()) {
      out.append(series("kube_pod_status_phase", p, ",phase=\"Running\"", 1));
    }
    out.append("# TYPE kube_pod_container_status_ready gauge\n");
    out.append(series("kube_pod_container_status_ready", CHECKOUT, "", crashing.get() ? 0 : 1));
    for (PodSeries p : HEALTHY) {
      out.append(series("kube_pod_container_status_ready", p, "", 1));
    }
    return out.toString();
  }

  private String cadvisor() {
    StringBuilder out = new StringBuilder("# TYPE container_memory_working_set_bytes gauge\n");
    for (PodSeries p : concat()) {
      out.append(series("container_memory_working_set_bytes", p, "", 200L * 1024 * 1024));
    }
    return out.toString();
  }

  private static List<PodSeries> concat() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(CHECKOUT), HEALTHY.stream())
        .toList();
  }

  private static String series(String name, PodSeries p, String extra, long value) {
    return name
        + "{namespace=\""
        + p.namespace()
        + "\",pod=\""
        + p.pod()
        + "\",container=\""
        + p.container()
        + "\""
        + extra
        + "} "
        + value
        + "\n";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
