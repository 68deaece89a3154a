package lookout.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user types it: exit codes and what is printed. */
class CommandLineTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = LookoutCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void check_config_names_every_problem_and_exits_2() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "server:\n  port: eighty\nconsole:\n  enabled: maybe\n");

    int code = run("check-config", "--config", config.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("server.port: \"eighty\" — expected an integer from 0 to 65535")
        .contains("console.enabled: \"maybe\" — expected true or false");
  }

  @Test
  void check_config_reports_policy_errors_too() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, "rules:\n  - namespaces: [prod]\n    approvers: [bob]\n");
    Path config = dir.resolve("lookout.yaml");
    Files.writeString(config, "approvals:\n  policyFile: " + policy + "\n");

    int code = run("check-config", "--config", config.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("approvers[0]").contains("bob");
  }

  @Test
  void check_config_accepts_the_sandbox_default() {
    assertThat(run("check-config", "--data-dir", dir.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("configuration OK");
  }

  @Test
  void serve_with_an_invalid_config_does_not_start() throws Exception {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "server:\n  port: -1\n");

    assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("server.port");
  }

  @Test
  void ask_prints_the_diagnosis() throws Exception {
    int code =
        run(
            "ask",
            "--config",
            bm25Only(),
            "--data-dir",
            dir.toString(),
            "why is checkout failing in staging?");

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("CrashLoopBackOff").contains("DATABASE_URL");
  }

  @Test
  void search_prints_the_best_runbook_sections() throws Exception {
    int code =
        run(
            "search",
            "--config",
            bm25Only(),
            "--data-dir",
            dir.toString(),
            "--limit",
            "2",
            "pod crash looping");

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("KubePodCrashLooping.md");
  }

  @Test
  void search_as_json_lines_and_bad_kind() throws Exception {
    assertThat(
            run("search", "--data-dir", dir.toString(), "--json", "--limit", "1", "node not ready"))
        .isEqualTo(0);
    assertThat(out.toString().strip()).startsWith("{").endsWith("}");
    assertThat(run("search", "--kind", "poem", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--kind");
  }

  @Test
  void index_reports_what_it_read_and_skipped() throws Exception {
    Path runbooks = Files.createDirectories(dir.resolve("runbooks"));
    Files.writeString(
        runbooks.resolve("Disk.md"), "# Disk full\n\n## Mitigation\n\nDelete old logs.\n");
    Files.write(runbooks.resolve("Broken.md"), new byte[] {0, 1, 2, (byte) 0xff, 0, 0});

    int code =
        run("index", "--config", bm25Only(), "--data-dir", dir.toString(), runbooks.toString());

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("skipped").contains("Broken.md");
    assertThat(run("index", dir.resolve("nope").toString())).isEqualTo(2);
  }

  /** A config without the embedding model, so CLI tests stay fast. */
  private String bm25Only() throws Exception {
    Path config = dir.resolve("bm25.yaml");
    Files.writeString(config, "knowledge:\n  semantic: false\n");
    return config.toString();
  }
}
