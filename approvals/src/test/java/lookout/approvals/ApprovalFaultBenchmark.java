package lookout.approvals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import lookout.testing.Eventually;

/**
 * Approvals under database and process faults, on a PostgreSQL it starts itself (as {@code
 * .ci/postgres.sh} does) so it can cut and restart it:
 *
 * <ol>
 *   <li>a click storm ({@link ClickStorm}) while the database is unreachable for {@code
 *       bench.outageSeconds} (default 30; a TCP cut in front of PostgreSQL);
 *   <li>the same storm across {@code pg_ctl restart -m fast};
 *   <li>a replica killed with SIGKILL with its request pending, approved-not-executed and executing
 *       (a real child JVM), then a restarted process.
 * </ol>
 *
 * Run: {@code ./mvnw -B -pl approvals -am -Pbench-approval-faults verify}. Prints markdown for
 * docs/benchmarks.md.
 */
public final class ApprovalFaultBenchmark {
  private ApprovalFaultBenchmark() {}

  public static void main(String[] args) throws Exception {
    int outage = Integer.getInteger("bench.outageSeconds", 30);
    int before = Integer.getInteger("bench.beforeSeconds", 8);
    int after = Integer.getInteger("bench.afterSeconds", 10);
    try (LocalPostgres pg = LocalPostgres.start()) {
      System.out.printf(
          Locale.ROOT,
          "%s, %d cores; PostgreSQL on 127.0.0.1:%d%n%n",
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          pg.port());

      String cutSchema = schema(pg);
      ClickStorm.Tally cut;
      try (CuttableProxy proxy = new CuttableProxy(pg.port())) {
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?user=postgres";
        ClickStorm storm = new ClickStorm(() -> FaultReplica.postgres(viaProxy, cutSchema));
        cut =
            storm.run(
                () -> {
                  Thread.sleep(before * 1000L);
                  storm.broken = true;
                  proxy.cut();
                  Thread.sleep(outage * 1000L);
                  proxy.heal();
                  storm.broken = false;
                  Thread.sleep(after * 1000L);
                });
      }
      print("Database unreachable for " + outage + " s during a click storm", cut);

      String restartSchema = schema(pg);
      ClickStorm storm = new ClickStorm(() -> FaultReplica.postgres(pg.url(), restartSchema));
      long[] restartMillis = {0};
      ClickStorm.Tally restart =
          storm.run(
              () -> {
                Thread.sleep(before * 1000L);
                storm.broken = true;
                long t0 = System.nanoTime();
                pg.restart();
                restartMillis[0] = (System.nanoTime() - t0) / 1_000_000;
                storm.broken = false;
                Thread.sleep(after * 1000L);
              });
      print(
          "PostgreSQL restarted (pg_ctl restart -m fast, "
              + restartMillis[0]
              + " ms) during a click storm",
          restart);

      System.out.println("### kill -9 of the replica holding a request, then a restart\n");
      System.out.println(
          "| killed while | state found at restart | what the restarted process did | final state"
              + " | executor runs before kill / after restart | restart → resolved |");
      System.out.println("|---|---|---|---|---|---|");
      for (String mode : new String[] {"pending", "approved", "executing"}) {
        kill(pg, mode);
      }
    }
  }

  private static void kill(LocalPostgres pg, String mode) throws Exception {
    String schema = schema(pg);
    Path dir = Files.createTempDirectory("lookout-kill");
    Path ready = dir.resolve("ready");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                FaultReplica.class.getName(),
                pg.url(),
                schema,
                mode,
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      Eventually.until(
          "the child to reach " + mode, Duration.ofSeconds(60), () -> Files.exists(ready));
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor(10, TimeUnit.SECONDS);
    }
    String[] idAndToken = Files.readString(ready).split(" ");
    String id = idAndToken[0];
    int before = Files.exists(dir.resolve("called")) ? 1 : 0;
    long t0 = System.nanoTime();
    ClickStorm.Executions executor = new ClickStorm.Executions();
    Approvals restarted =
        new Approvals(
            FaultReplica.postgres(pg.url(), schema),
            PolicyLoader.parse(ClickStorm.POLICY, "storm-policy.yaml"),
            new ButtonTokens(Fixture.KEY),
            executor,
            Clock.systemUTC());
    State found = restarted.find(id).orElseThrow().state();
    String did;
    int recovered = restarted.recover(Duration.ZERO).size();
    if (found == State.PENDING) {
      Decision d = restarted.decide(idAndToken[1], "console:a2");
      restarted.execute(id);
      // the old card's button still works: a second press is a no-op
      Decision again = restarted.decide(idAndToken[1], "console:a3");
      did =
          "nothing by itself (recovered "
              + recovered
              + "); the card's Approve pressed after the restart: "
              + d.outcome()
              + ", ran it; pressed again: "
              + again.outcome();
    } else {
      did = "start-up sweep (recover) changed " + recovered;
    }
    ApprovalRequest end = restarted.find(id).orElseThrow();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %s%s | %d / %d | %d ms |%n",
        mode,
        found,
        did,
        end.state(),
        end.result() == null ? "" : " (" + end.result() + ")",
        before,
        executor.total(),
        ms);
  }

  private static void print(String title, ClickStorm.Tally t) {
    System.out.println("### " + title + "\n");
    System.out.printf(
        Locale.ROOT,
        "- requests made: %d (refused while broken: %d); presses: %d%n",
        t.requests(),
        t.requestsRefused(),
        t.presses());
    System.out.printf(
        Locale.ROOT,
        "- approvals answered as accepted: %d; **lost: %d**; **double executions: %d**"
            + " (executions: %d)%n",
        t.toldApproved(),
        t.lostApprovals(),
        t.doubleExecutions(),
        t.executions());
    System.out.printf(
        Locale.ROOT,
        "- approved but not run when the storm ended: %d; changed by the restart sweep: %d;"
            + " final states: %s%n",
        t.approvedLeftAfterStorm(),
        t.recovered(),
        t.finalStates());
    System.out.printf(
        Locale.ROOT,
        "- slowest press: %d ms overall, %d ms while the database was broken%n",
        t.maxPressMillis(),
        t.maxPressMillisWhileBroken());
    System.out.println("- what the presses were answered:");
    t.answers().forEach((k, v) -> System.out.printf(Locale.ROOT, "  - %s: %d%n", k, v));
    System.out.println();
  }

  private static String schema(LocalPostgres pg) throws Exception {
    String schema = "fault_" + UUID.randomUUID().toString().replace("-", "");
    Supplier<DataSource> direct = () -> FaultReplica.postgres(pg.url(), "public");
    try (Connection c = direct.get().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    ApprovalsSchema.migrate(FaultReplica.postgres(pg.url(), schema));
    return schema;
  }
}
