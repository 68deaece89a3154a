package lookout.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jars the bot module shades ({@code lookout.jar} for Linux x86_64, {@code
 * lookout-linux-aarch64.jar}), read from {@code bot/target} after {@code package} (skipped before):
 * only their own architecture's natives, no debug symbols, under 110 MB — and the x86_64 jar, run
 * as users run it, still loads the MiniLM model and starts the sandbox cluster with the libraries
 * the slimming left in.
 */
class RunnableJarTest {
  private static final long LIMIT_BYTES = 110_000_000L;
  private static final Path DIR = Path.of(System.getProperty("lookout.jar.dir", "../bot/target"));

  @TempDir Path home;

  @Test
  void the_x86_64_jar_carries_only_its_natives_and_stays_under_110_mb() throws IOException {
    Path jar = jar("lookout.jar");
    JarNatives natives = JarNatives.of(jar);

    assertThat(natives.libraries()).isEqualTo(JarNatives.expected("x86_64"));
    assertThat(natives.debugSymbols()).isEmpty();
    assertThat(Files.size(jar)).isLessThan(LIMIT_BYTES);
  }

  @Test
  void the_aarch64_jar_carries_only_its_natives_and_stays_under_110_mb() throws IOException {
    Path jar = jar("lookout-linux-aarch64.jar");
    JarNatives natives = JarNatives.of(jar);

    assertThat(natives.libraries()).isEqualTo(JarNatives.expected("aarch64"));
    assertThat(natives.debugSymbols()).isEmpty();
    assertThat(Files.size(jar)).isLessThan(LIMIT_BYTES);
  }

  @Test
  void searches_by_meaning_from_the_jar() throws Exception {
    assumeTrue(System.getProperty("os.arch").equals("amd64"), "the x86_64 jar runs on x86_64");
    Path jar = jar("lookout.jar");

    Run run = run(jar, "search", "container keeps restarting out of memory", "--limit", "3");

    assertThat(run.status).as(run.output).isZero();
    // semantic search is on by default; without the model the command says so
    assertThat(run.output).doesNotContain("semantic search is not available", "did not load");
    // the tokenizer's native library came out of the jar, for this platform
    try (Stream<Path> files = Files.walk(home)) {
      assertThat(files.map(Path::toString))
          .anyMatch(f -> f.contains("linux-x86_64") && f.endsWith("libtokenizers.so"));
    }
  }

  @Test
  void answers_from_the_sandbox_cluster_from_the_jar() throws Exception {
    assumeTrue(System.getProperty("os.arch").equals("amd64"), "the x86_64 jar runs on x86_64");
    Path jar = jar("lookout.jar");

    Run run = run(jar, "ask", "why is checkout crashing in staging");

    assertThat(run.status).as(run.output).isZero();
    assertThat(run.output)
        .contains("deployment staging/checkout keeps crashing", "DATABASE_URL is not set");
  }

  private static Path jar(String name) {
    Path jar = DIR.resolve(name);
    assumeTrue(Files.isRegularFile(jar), name + " is built by `package`");
    return jar;
  }

  private record Run(int status, String output) {}

  private Run run(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("LOOKOUT_DATA_DIR", home.resolve("data").toString());
    Path log = home.resolve("output.txt");
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("no answer in 5 minutes:\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log));
  }
}
