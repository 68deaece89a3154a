package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookout's {@code /mcp} driven by a client that is not Java: the MCP Inspector's CLI (npm
 * {@code @modelcontextprotocol/inspector-cli}, installed by .ci/run). It must run from its own
 * {@code build/} folder. Skipped locally when missing; fails under CI.
 */
class McpInspectorTest {
  static final String TOKEN = "inspector-token-0123456789abcdef0123";

  @TempDir static Path dir;
  static LookoutServer lookout;
  static Path build;

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> cli = inspectorBuild();
    if (cli.isEmpty() && System.getenv("CI") != null) {
      fail("npm @modelcontextprotocol/inspector-cli is not installed");
    }
    assumeTrue(cli.isPresent(), "MCP Inspector CLI missing; skipped locally");
    build = cli.get();
    lookout =
        TestLookout.start(
            dir.resolve("data"),
            """
            mcp:
              server:
                enabled: true
                tokens:
                  inspector: %s
            """
                .formatted(TOKEN));
  }

  @AfterAll
  static void stop() {
    if (lookout != null) {
      lookout.close();
    }
  }

  @Test
  void the_inspector_lists_the_tools_and_diagnoses_a_workload() throws Exception {
    String tools = inspector("--method", "tools/list");
    assertThat(tools).contains("\"diagnose\"", "\"request_restart\"", "\"get_request\"");

    String answer =
        inspector(
            "--method",
            "tools/call",
            "--tool-name",
            "diagnose",
            "--tool-arg",
            "namespace=staging",
            "--tool-arg",
            "name=checkout");
    assertThat(answer).contains("checkout").contains("\"structuredContent\"");
  }

  @Test
  void the_inspector_with_a_wrong_token_is_refused() throws Exception {
    Process p = start(List.of("--method", "tools/list"), "wrong-token-0123456789abcdef0123456");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);

    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).contains("missing or wrong bearer token");
  }

  private static String inspector(String... args) throws Exception {
    Process p = start(List.of(args), TOKEN);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("inspector finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static Process start(List<String> args, String token) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "node",
                "cli.js",
                "--cli",
                "http://127.0.0.1:" + lookout.port() + "/mcp",
                "--transport",
                "http",
                "--header",
                "Authorization: Bearer " + token));
    command.addAll(args);
    // it reads ../package.json relative to its working directory
    return new ProcessBuilder(command).directory(build.toFile()).redirectErrorStream(true).start();
  }

  /** {@code npm root -g}/@modelcontextprotocol/inspector-cli/build */
  static Optional<Path> inspectorBuild() {
    try {
      Process npm = new ProcessBuilder("npm", "root", "-g").redirectErrorStream(true).start();
      String root = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!npm.waitFor(30, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        return Optional.empty();
      }
      Path build = Path.of(root, "@modelcontextprotocol", "inspector-cli", "build");
      return Files.isRegularFile(build.resolve("cli.js")) ? Optional.of(build) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
