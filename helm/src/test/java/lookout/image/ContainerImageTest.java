package lookout.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import lookout.testing.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image Jib wrote with {@code -Pimage} (path in the {@code lookout.image.tar} property, set by
 * that profile; skipped without it): runs as a non-root user, starts Lookout, carries the jars and
 * the sample runbooks — and, as root with {@code unshare}/{@code chroot}, its root filesystem
 * starts Lookout read-only with only /tmp writable.
 */
class ContainerImageTest {
  @TempDir static Path work;
  static ImageTar image;
  static Map<String, Integer> files = new TreeMap<>();

  @BeforeAll
  static void readImage() throws IOException {
    String tar = System.getProperty("lookout.image.tar", "");
    assumeTrue(!tar.isBlank(), "no image built (build with -Pimage)");
    assertThat(Path.of(tar)).as("the image tar -Pimage builds").exists();
    image = ImageTar.read(Path.of(tar), work);
    image.eachLayerEntry(
        (e, content) -> {
          if (!e.directory()) {
            files.put(e.path(), e.mode());
          }
        });
  }

  @Test
  void runs_as_a_non_root_user() {
    String user = image.config.at("/config/User").asText();

    assertThat(user).isEqualTo("10001:10001");
  }

  @Test
  void starts_lookout_serve_with_the_jars_on_the_class_path() {
    List<String> entrypoint = strings("/config/Entrypoint");

    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).contains("--enable-native-access=ALL-UNNAMED", "lookout.bot.Main");
    assertThat(entrypoint).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=/tmp/"));
    assertThat(entrypoint.get(entrypoint.indexOf("-cp") + 1))
        .isEqualTo("/app/resources:/app/classes:/app/libs/*:/app/deps/lookout-deps.jar");
    assertThat(strings("/config/Cmd")).containsExactly("serve");
    assertThat(image.config.at("/config/ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(files.keySet())
        .contains("app/classes/lookout/bot/Main.class", "app/deps/lookout-deps.jar")
        .anyMatch(f -> f.matches("app/libs/lookout-knowledge-.*\\.jar"))
        .anyMatch(f -> f.matches("app/libs/lookout-agent-.*\\.jar"))
        // third-party jars live in the one dependency jar, not beside it
        .noneMatch(f -> f.matches("app/libs/vertx-core-.*\\.jar"));
  }

  @Test
  void carries_the_natives_of_both_image_platforms_and_no_debug_symbols() throws IOException {
    Path deps = work.resolve("lookout-deps.jar");
    image.eachLayerEntry(
        (e, content) -> {
          if (e.path().equals("app/deps/lookout-deps.jar")) {
            Files.copy(content, deps, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          }
        });
    JarNatives natives = JarNatives.of(deps);

    assertThat(natives.libraries()).isEqualTo(JarNatives.expected("x86_64", "aarch64"));
    assertThat(natives.debugSymbols()).isEmpty();
  }

  @Test
  void carries_the_sample_runbooks_as_files() {
    assertThat(files.keySet().stream().filter(f -> f.startsWith("opt/lookout/runbooks/")))
        .anyMatch(f -> f.endsWith(".md"))
        .hasSizeGreaterThan(5);
  }

  @Test
  void starts_from_a_read_only_root_as_the_image_user() throws Exception {
    assumeTrue(files.containsKey("opt/java/openjdk/bin/java"), "base image from a registry");
    assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/unshare"))
            && Files.isExecutable(Path.of("/usr/sbin/chroot")),
        "needs root, unshare and chroot");
    assertThat(files.get("opt/java/openjdk/bin/java") & 0111).as("java is executable").isNotZero();
    Path root = Files.createDirectories(work.resolve("rootfs"));
    image.extract(root);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> command = new ArrayList<>(strings("/config/Entrypoint"));
    command.addAll(strings("/config/Cmd"));
    // A mount namespace: the root bind-mounted read-only, a fresh /proc and a tmpfs /tmp (the
    // chart's emptyDir), then chroot as the image's user, as a container runtime would.
    String script =
        "set -e; R=\"$0\"; mount --bind \"$R\" \"$R\"; mount -o remount,bind,ro \"$R\";"
            + " mount -t proc proc \"$R/proc\"; mount -t tmpfs -o mode=1777 tmpfs \"$R/tmp\";"
            + " exec chroot --userspec=10001:10001 \"$R\" \"$@\"";
    List<String> launcher =
        new ArrayList<>(
            List.of("unshare", "--mount", "--pid", "--fork", "--kill-child", "sh", "-c", script));
    launcher.add(root.toString());
    launcher.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(launcher);
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(imageEnv());
    env.put("LOOKOUT_SERVER_PORT", String.valueOf(port));
    env.put("LOOKOUT_DATA_DIR", "/tmp/data");
    env.put("LOOKOUT_KNOWLEDGE_SEMANTIC", "false");
    Path log = work.resolve("container.log");
    Process container = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      int status = awaitReady(port, container, Duration.ofSeconds(90));
      assertThat(status).as("/readyz; log:\n%s", Files.readString(log)).isEqualTo(200);
      assertThat(Files.readString(log))
          .contains("Lookout listening")
          // native access is granted and the CDS archive is written quietly
          .doesNotContain("restricted method", "SharedArchiveFile", "Read-only file system");
      // Charts draw here too, with no fontconfig and no font in the image: English and Chinese.
      ConsoleCharts chat = new ConsoleCharts(port);
      Map<String, String> titles =
          Map.of(
              "top memory prod", "Top memory in sandbox/prod (per pod, now)",
              "哪些服务资源浪费最多", "sandbox 超配最多的工作负载：内存峰值与请求量");
      for (Map.Entry<String, String> asked : new TreeMap<>(titles).entrySet()) {
        ConsoleCharts.Reply reply = chat.ask(asked.getKey(), Duration.ofSeconds(60));
        assertThat(reply.titles())
            .as("charts answering %s: %s", asked.getKey(), reply.text())
            .containsExactly(asked.getValue());
        for (byte[] png : reply.pngs()) {
          assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(960);
        }
      }
      assertThat(Files.readString(log)).doesNotContain("charts not drawn");
    } finally {
      // chroot --userspec changes the user, which clears unshare's --kill-child signal: stop
      // Lookout itself, not only unshare, or it outlives the test.
      List<ProcessHandle> inside = container.descendants().toList();
      inside.forEach(ProcessHandle::destroy);
      container.destroy();
      if (!container.waitFor(10, TimeUnit.SECONDS)) {
        container.destroyForcibly();
      }
      for (ProcessHandle p : inside) {
        try {
          p.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          p.destroyForcibly();
        }
      }
    }
  }

  private static int awaitReady(int port, Process container, Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int[] last = {-1};
    try {
      Eventually.until(
          "/readyz to answer 200 (or the container to exit)",
          within,
          Duration.ofMillis(250),
          () -> {
            if (!container.isAlive()) {
              return true;
            }
            try {
              last[0] =
                  http.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode();
              return last[0] == 200;
            } catch (IOException e) {
              return false; // not listening yet
            }
          });
    } catch (AssertionError timedOut) {
      // the caller asserts on the last status seen
    }
    return last[0];
  }

  private static Map<String, String> imageEnv() {
    Map<String, String> env = new HashMap<>();
    image
        .config
        .at("/config/Env")
        .forEach(
            e -> {
              String[] kv = e.asText().split("=", 2);
              env.put(kv[0], kv[1]);
            });
    return env;
  }

  private static List<String> strings(String pointer) {
    List<String> out = new ArrayList<>();
    image.config.at(pointer).forEach(n -> out.add(n.asText()));
    return out;
  }
}
