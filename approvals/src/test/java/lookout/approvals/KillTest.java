package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lookout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica killed with SIGKILL (a real child JVM) after approval: the request is resolved when a
 * process starts again on the same database — never executed twice, never forgotten.
 */
class KillTest {
  @TempDir Path dir;

  private String killReplica(String mode) throws Exception {
    Path db = dir.resolve("lookout.db");
    ApprovalsSchema.migrate(Fixture.sqlite("jdbc:sqlite:" + db));
    Path ready = dir.resolve("ready");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingReplica.class.getName(),
                db.toString(),
                mode,
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      try {
        Eventually.until(
            "the child to reach its crash point (or die)",
            Duration.ofSeconds(30),
            () -> Files.exists(ready) || !child.isAlive());
      } catch (AssertionError hung) {
        // reported below with the child's log
      }
      assertThat(ready).as("child log: %s", Files.readString(dir.resolve("child.log"))).exists();
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      child.waitFor(10, TimeUnit.SECONDS);
    }
    return Files.readString(ready);
  }

  private Approvals restarted(CountingExecutor executor) {
    return new Approvals(
        Fixture.sqlite("jdbc:sqlite:" + dir.resolve("lookout.db")),
        PolicyLoader.parse(Fixture.POLICY, "test-policy.yaml"),
        new ButtonTokens(Fixture.KEY),
        executor,
        Clock.systemUTC());
  }

  @Test
  void killed_while_executing_is_marked_failed_and_not_run_again() throws Exception {
    String id = killReplica("executing");
    CountingExecutor executor = new CountingExecutor();
    Approvals approvals = restarted(executor);
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.EXECUTING);

    List<ApprovalRequest> recovered = approvals.recover(Duration.ZERO);

    assertThat(executor.calls()).isZero();
    assertThat(recovered).extracting(ApprovalRequest::id).containsExactly(id);
    ApprovalRequest r = approvals.find(id).orElseThrow();
    assertThat(r.state()).isEqualTo(State.FAILED);
    assertThat(r.result()).startsWith("interrupted: Lookout stopped while this was running");
    assertThat(approvals.execute(id).state()).isEqualTo(State.FAILED);
    assertThat(executor.calls()).isZero();
  }

  @Test
  void killed_after_approval_before_running_runs_exactly_once_at_restart() throws Exception {
    String id = killReplica("approved");
    CountingExecutor executor = new CountingExecutor();
    Approvals first = restarted(executor);
    Approvals second = restarted(executor);
    assertThat(first.find(id).orElseThrow().state()).isEqualTo(State.APPROVED);

    List<List<ApprovalRequest>> both =
        Concurrently.run(2, i -> (i == 0 ? first : second).recover(Duration.ZERO));

    assertThat(executor.calls()).isEqualTo(1);
    assertThat(both).flatMap(l -> l).isNotEmpty();
    assertThat(first.find(id).orElseThrow().state()).isEqualTo(State.SUCCEEDED);
    assertThat(first.audit(id))
        .extracting(AuditEntry::event)
        .containsExactly("requested", "approved", "executing", "succeeded");
  }

  @Test
  void a_running_request_younger_than_the_grace_period_is_left_alone() throws Exception {
    String id = killReplica("executing");
    Approvals approvals = restarted(new CountingExecutor());

    assertThat(approvals.recover(Duration.ofMinutes(5))).isEmpty();
    assertThat(approvals.find(id).orElseThrow().state()).isEqualTo(State.EXECUTING);
  }
}
