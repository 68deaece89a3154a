package lookout.agent.mcp;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real kubernetes-mcp-server (npm {@code kubernetes-mcp-server-linux-amd64}, installed by
 * .ci/run) pointed at a sandbox API server through a kubeconfig, with its own HOME (it caches
 * discovery under {@code ~/.kube}). Tests skip when it is missing, except under CI, where they
 * fail.
 */
public final class KubernetesMcpServer implements AutoCloseable {
  /** Read-only tools the tests allow; the server offers more. */
  public static final List<String> TOOLS =
      List.of("pods_*", "events_list", "namespaces_list", "resources_get", "resources_list");

  private final Path binary;
  private final Path home;
  private final Path kubeconfig;
  private Process http;

  private KubernetesMcpServer(Path binary, Path home, Path kubeconfig) {
    this.binary = binary;
    this.home = home;
    this.kubeconfig = kubeconfig;
  }

  /** Skips (locally) or fails (CI) when the binary is not installed. */
  public static KubernetesMcpServer forCluster(String masterUrl, Path dir) throws IOException {
    Optional<Path> binary = binary();
    if (binary.isEmpty() && System.getenv("CI") != null) {
      fail("kubernetes-mcp-server is not installed (npm i -g kubernetes-mcp-server-linux-amd64)");
    }
    assumeTrue(binary.isPresent(), "kubernetes-mcp-server missing; skipped locally");
    Path home = Files.createDirectories(dir.resolve("home"));
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: sandbox
          cluster:
            server: %s
        users:
        - name: sandbox
          user:
            token: sandbox-token
        contexts:
        - name: sandbox
          context:
            cluster: sandbox
            user: sandbox
            namespace: default
        current-context: sandbox
        """
            .formatted(masterUrl.replaceAll("/$", "")));
    return new KubernetesMcpServer(binary.get(), home, kubeconfig);
  }

  /** {@code npm root -g}/kubernetes-mcp-server-linux-amd64/bin/… */
  static Optional<Path> binary() {
    try {
      Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
      String root = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!npm.waitFor(30, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        return Optional.empty();
      }
      Path bin =
          Path.of(
              root,
              "kubernetes-mcp-server-linux-amd64",
              "bin",
              "kubernetes-mcp-server-linux-amd64");
      return Files.isExecutable(bin) ? Optional.of(bin) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private List<String> commonArgs() {
    return List.of(
        "--read-only",
        "--kubeconfig",
        kubeconfig.toString(),
        "--list-output",
        "yaml",
        "--disable-multi-cluster");
  }

  /** Lookout starts it itself and talks over stdio. */
  public McpServerConfig stdio(String name, boolean readOnly) {
    List<String> args = new ArrayList<>(commonArgs());
    args.addAll(List.of("--log-file", home.resolve("stdio.log").toString()));
    return new McpServerConfig(
        name,
        Optional.of(binary.toString()),
        args,
        Map.of("HOME", home.toString()),
        Optional.empty(),
        Map.of(),
        TOOLS,
        readOnly,
        Duration.ofSeconds(20));
  }

  /**
   * Over stdio without {@code --read-only}, allowing only {@code tools}: a server whose calls
   * Lookout must treat as writes.
   */
  public McpServerConfig stdioWritable(String name, List<String> tools) {
    List<String> args = new ArrayList<>(commonArgs().subList(1, commonArgs().size()));
    args.addAll(List.of("--log-file", home.resolve("writable.log").toString()));
    return new McpServerConfig(
        name,
        Optional.of(binary.toString()),
        args,
        Map.of("HOME", home.toString()),
        Optional.empty(),
        Map.of(),
        tools,
        false,
        Duration.ofSeconds(20));
  }

  /** Starts it as a Streamable HTTP server on a free loopback port; Lookout connects by URL. */
  public McpServerConfig http(String name) throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(commonArgs());
    command.addAll(
        List.of(
            "--port",
            String.valueOf(port),
            "--bind-address",
            "127.0.0.1",
            "--log-file",
            home.resolve("http.log").toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("HOME", home.toString());
    pb.redirectOutput(home.resolve("http.out").toFile());
    http = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!listening(port)) {
      if (System.nanoTime() > deadline || !http.isAlive()) {
        throw new IOException(
            "kubernetes-mcp-server did not listen on " + port + ": " + log("http.out"));
      }
      Thread.sleep(100);
    }
    return new McpServerConfig(
        name,
        Optional.empty(),
        List.of(),
        Map.of(),
        Optional.of(URI.create("http://127.0.0.1:" + port + "/mcp")),
        Map.of(),
        TOOLS,
        true,
        Duration.ofSeconds(20));
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
      return s.isConnected();
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Stops the HTTP server process (to test what Lookout does when a server goes away). */
  public void stopHttp() {
    if (http != null) {
      http.destroy();
      try {
        http.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** One of its log files, for failure messages. */
  public String log(String file) {
    try {
      return Files.readString(home.resolve(file));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  @Override
  public void close() {
    stopHttp();
  }
}
