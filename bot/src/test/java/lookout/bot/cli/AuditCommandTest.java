package lookout.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.ButtonTokens;
import lookout.approvals.DryRun;
import lookout.approvals.Policy;
import lookout.approvals.RestartDeployment;
import lookout.approvals.TargetSnapshot;
import lookout.bot.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lookout audit}: the trail of the data dir's database, as text or JSON lines. */
class AuditCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Answers like a cluster where every target has 2 replicas. */
  static final class FakeCluster implements ActionExecutor {
    @Override
    public DryRun dryRun(Action action) {
      return new DryRun("rollout restart of 2 pods", new TargetSnapshot(2, 1));
    }

    @Override
    public Optional<TargetSnapshot> current(Action action) {
      return Optional.of(new TargetSnapshot(2, 1));
    }

    @Override
    public String execute(Action action) {
      return "restarted " + action.name();
    }
  }

  private int run(String... args) {
    CommandLine cli = LookoutCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private String approvedAndRun() throws Exception {
    try (Database db = Database.open(null, dir)) {
      Approvals approvals =
          new Approvals(
              db.dataSource(),
              Policy.sandboxDefault(),
              new ButtonTokens(ButtonTokens.generateKey()),
              new FakeCluster(),
              Clock.systemUTC());
      ApprovalRequest r =
          approvals.request(new RestartDeployment("sandbox", "staging", "checkout"), "cli:alice");
      approvals.decide(approvals.approveToken(r), "console:bob");
      approvals.execute(r.id());
      return r.id();
    }
  }

  @Test
  void json_lines_carry_every_audit_field() throws Exception {
    String id = approvedAndRun();

    int code = run("audit", "--data-dir", dir.toString(), "--since", "1h", "--json");

    assertThat(code).isEqualTo(0);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> rows = out.toString().lines().map(l -> read(json, l)).toList();
    assertThat(rows)
        .extracting(r -> r.path("event").asText())
        .containsExactly("requested", "approved", "executing", "succeeded");
    JsonNode last = rows.getLast();
    assertThat(last.path("requestId").asText()).isEqualTo(id);
    assertThat(last.path("action").asText()).isEqualTo("restart deployment staging/checkout");
    assertThat(last.path("namespace").asText()).isEqualTo("staging");
    assertThat(last.path("target").asText()).isEqualTo("checkout");
    assertThat(last.path("requester").asText()).isEqualTo("cli:alice");
    assertThat(last.path("approvers").toString()).isEqualTo("[\"console:bob\"]");
    assertThat(last.path("dryRun").asText()).isEqualTo("rollout restart of 2 pods");
    assertThat(last.path("result").asText()).isEqualTo("restarted checkout");
    assertThat(last.path("error").isNull()).isTrue();
    assertThat(Instant.parse(last.path("time").asText())).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void rows_before_since_and_other_namespaces_are_left_out() throws Exception {
    approvedAndRun();

    run("audit", "--data-dir", dir.toString(), "--since", "2999-01-01");
    run("audit", "--data-dir", dir.toString(), "--namespace", "prod");

    assertThat(out.toString()).isEmpty();
  }

  @Test
  void a_bad_since_is_named_and_exits_2() {
    int code = run("audit", "--data-dir", dir.toString(), "--since", "yesterday");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--since: \"yesterday\" is not a duration or date — expected e.g. 24h, 7d");
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
