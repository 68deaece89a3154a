package lookout.approvals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import lookout.testing.Eventually;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The child process of {@link ApprovalFaultBenchmark}: a Lookout replica on a PostgreSQL schema
 * that brings one request to a state — {@code pending} (asked, nobody approved), {@code approved}
 * (approved, the run not started) or {@code executing} (inside the executor) — writes the request
 * id to {@code ready} and hangs there, to be killed with SIGKILL.
 */
public final class FaultReplica {
  private FaultReplica() {}

  static PGSimpleDataSource postgres(String url, String schema) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setCurrentSchema(schema);
    ds.setConnectTimeout(3);
    ds.setSocketTimeout(10);
    return ds;
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String schema = args[1];
    String mode = args[2];
    Path ready = Path.of(args[3]);
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
            postgres(url, schema),
            PolicyLoader.parse(ClickStorm.POLICY, "storm-policy.yaml"),
            new ButtonTokens(Fixture.KEY),
            hangs,
            Clock.systemUTC());
    ApprovalRequest r =
        approvals.request(
            new RestartDeployment("sandbox", "staging", "killed-" + mode), "console:requester");
    if (!mode.equals("pending")) {
      approvals.decide(approvals.approveToken(r), "console:a1");
    }
    if (mode.equals("executing")) {
      Thread.ofPlatform().start(() -> approvals.execute(r.id()));
      Eventually.until(
          "the executor to be called",
          Duration.ofSeconds(30),
          () -> Files.exists(ready.resolveSibling("called")));
    }
    Files.writeString(ready, r.id() + " " + approvals.approveToken(r));
    Thread.sleep(Long.MAX_VALUE); // killed here
  }
}
