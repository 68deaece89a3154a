package lookout.approvals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import lookout.testing.Eventually;

/**
 * The child process of {@link KillTest}: a Lookout replica on the given SQLite file that gets a
 * request approved and then hangs — inside the executor ({@code executing}) or just before calling
 * it ({@code approved}) — after writing the request id to {@code ready}, so the test can kill it
 * there with SIGKILL.
 */
public final class CrashingReplica {
  private CrashingReplica() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String mode = args[1];
    Path ready = Path.of(args[2]);
    ActionExecutor hangs =
        new ActionExecutor() {
          @Override
          public DryRun dryRun(Action action) {
            return new DryRun("rollout restart of 3 pods", CountingExecutor.START);
          }

          @Override
          public Optional<TargetSnapshot> current(Action action) {
            return Optional.of(CountingExecutor.START);
          }

          @Override
          public String execute(Action action) throws Exception {
            Files.writeString(ready.resolveSibling("called"), "executor called");
            Thread.sleep(Long.MAX_VALUE); // killed here
            return "never";
          }
        };
    Approvals approvals =
        new Approvals(
            Fixture.sqlite("jdbc:sqlite:" + db),
            PolicyLoader.parse(Fixture.POLICY, "test-policy.yaml"),
            new ButtonTokens(Fixture.KEY),
            hangs,
            Clock.systemUTC());
    ApprovalRequest r = approvals.request(Fixture.RESTART, "console:alice");
    approvals.decide(approvals.approveToken(r), "console:bob");
    if (mode.equals("executing")) {
      Thread.ofPlatform()
          .start(
              () -> {
                approvals.execute(r.id());
              });
      Eventually.until(
          "the executor to be called",
          Duration.ofSeconds(30),
          () -> Files.exists(ready.resolveSibling("called")));
    }
    Files.writeString(ready, r.id());
    Thread.sleep(Long.MAX_VALUE); // killed here
  }
}
