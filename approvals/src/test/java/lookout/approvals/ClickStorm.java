package lookout.approvals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A click storm against one approvals database, as the chat path drives it: a requester asks for a
 * restart every {@value #REQUEST_EVERY_MS} ms, {@value #CLICKERS} approvers press Approve on the
 * newest {@value #RECENT} requests every {@value #CLICK_EVERY_MS} ms each (a press that approves
 * runs the action at once, as {@code Conversations} does), while the caller breaks the database.
 * Then a restarted process sweeps ({@code recover}) and the tally says what happened to every
 * request and what each press was answered.
 */
final class ClickStorm {
  static final int CLICKERS = 8;
  static final int RECENT = 12;
  static final long CLICK_EVERY_MS = 40;
  static final long REQUEST_EVERY_MS = 150;
  static final String POLICY =
      """
      ttl: 1h
      groups:
        sre: [console:a0, console:a1, console:a2, console:a3, console:a4, console:a5, console:a6,
              console:a7]
      rules:
        - namespaces: ["*"]
          approvers: ["group:sre"]
      """;

  /** Counts executions per action: a second run of any action is a double execution. */
  static final class Executions implements ActionExecutor {
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @Override
    public DryRun dryRun(Action action) {
      return new DryRun("rollout restart of 3 pods", CountingExecutor.START);
    }

    @Override
    public Optional<TargetSnapshot> current(Action action) {
      return Optional.of(CountingExecutor.START);
    }

    @Override
    public String execute(Action action) {
      runs.computeIfAbsent(action.describe(), k -> new AtomicInteger()).incrementAndGet();
      return "restarted";
    }

    int doubles() {
      return (int) runs.values().stream().filter(n -> n.get() > 1).count();
    }

    int total() {
      return runs.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  /** What one storm did. */
  record Tally(
      int requests,
      int requestsRefused,
      long presses,
      Map<String, Long> answers,
      int toldApproved,
      int lostApprovals,
      int doubleExecutions,
      int executions,
      int approvedLeftAfterStorm,
      int recovered,
      Map<State, Long> finalStates,
      long maxPressMillis,
      long maxPressMillisWhileBroken) {}

  private record Live(String id, String approve) {}

  private final Executions executor = new Executions();
  private final Supplier<DataSource> databases;
  private final List<Live> live = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Set<String> toldApproved = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
  private final AtomicLong presses = new AtomicLong();
  private final AtomicInteger requestsRefused = new AtomicInteger();
  private final AtomicLong maxPress = new AtomicLong();
  private final AtomicLong maxPressBroken = new AtomicLong();
  private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;
  volatile boolean broken;

  /**
   * @param databases a new DataSource each call, all on one database whose approvals schema exists
   */
  ClickStorm(Supplier<DataSource> databases) {
    this.databases = databases;
  }

  private Approvals approvals() {
    return new Approvals(
        databases.get(),
        PolicyLoader.parse(POLICY, "storm-policy.yaml"),
        new ButtonTokens(Fixture.KEY),
        executor,
        java.time.Clock.systemUTC());
  }

  /** Runs the storm while {@code fault} runs on the calling thread, then sweeps and counts. */
  Tally run(ThrowingRunnable fault) throws Exception {
    Approvals approvals = approvals();
    List<Thread> threads = new ArrayList<>();
    threads.add(Thread.ofVirtual().start(() -> requester(approvals)));
    for (int i = 0; i < CLICKERS; i++) {
      String user = "console:a" + i;
      threads.add(Thread.ofVirtual().start(() -> clicker(approvals, user)));
    }
    try {
      fault.run();
    } finally {
      running = false;
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(60));
      }
    }
    // A restarted process (or the next sweep of a replica) resolves what the storm left.
    Approvals after = approvals();
    int approvedLeft = count(after, State.APPROVED);
    int recovered = after.recover(Duration.ZERO).size();
    Map<State, Long> states = new java.util.TreeMap<>();
    int lost = 0;
    for (String id : created) {
      State s = after.find(id).orElseThrow().state();
      states.merge(s, 1L, Long::sum);
      if (toldApproved.contains(id)
          && !(s == State.SUCCEEDED || s == State.FAILED || s == State.EXECUTING)) {
        lost++;
      }
    }
    if (!unexpected.isEmpty()) {
      answers.put("unexpected: " + unexpected.peek(), new AtomicLong(unexpected.size()));
    }
    Map<String, Long> answered = new java.util.TreeMap<>();
    answers.forEach((k, v) -> answered.put(k, v.get()));
    return new Tally(
        created.size(),
        requestsRefused.get(),
        presses.get(),
        answered,
        toldApproved.size(),
        lost,
        executor.doubles(),
        executor.total(),
        approvedLeft,
        recovered,
        states,
        maxPress.get(),
        maxPressBroken.get());
  }

  private int count(Approvals approvals, State state) {
    return (int)
        created.stream()
            .filter(id -> approvals.find(id).map(r -> r.state() == state).orElse(false))
            .count();
  }

  private void requester(Approvals approvals) {
    int n = 0;
    while (running) {
      try {
        ApprovalRequest r =
            approvals.request(
                new RestartDeployment("sandbox", "staging", "app-" + n++), "console:requester");
        created.add(r.id());
        live.add(new Live(r.id(), approvals.approveToken(r)));
      } catch (RuntimeException e) {
        requestsRefused.incrementAndGet();
      }
      sleep(REQUEST_EVERY_MS);
    }
  }

  private void clicker(Approvals approvals, String user) {
    while (running) {
      Live target;
      synchronized (live) {
        if (live.isEmpty()) {
          target = null;
        } else {
          int from = Math.max(0, live.size() - RECENT);
          target = live.get(ThreadLocalRandom.current().nextInt(from, live.size()));
        }
      }
      if (target != null) {
        press(approvals, target, user);
      }
      sleep(CLICK_EVERY_MS);
    }
  }

  private void press(Approvals approvals, Live target, String user) {
    boolean brokenAtStart = broken;
    long t0 = System.nanoTime();
    String answer;
    try {
      Decision d = approvals.decide(target.approve(), user);
      answer = d.outcome().name();
      if (d.outcome() == Decision.Outcome.APPROVED) {
        toldApproved.add(target.id());
        try {
          approvals.execute(target.id());
        } catch (ApprovalStoreException e) {
          answer = "APPROVED, then the run could not start (database)";
        }
      }
    } catch (ApprovalStoreException e) {
      // Conversations answers this privately: "Lookout cannot reach its database right now, so
      // nothing changed; click again in a minute."
      answer = "database unreachable: nothing changed, click again";
    } catch (RuntimeException e) {
      unexpected.add(e.toString());
      answer = null;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    maxPress.accumulateAndGet(ms, Math::max);
    if (brokenAtStart || broken) {
      maxPressBroken.accumulateAndGet(ms, Math::max);
    }
    presses.incrementAndGet();
    if (answer != null) {
      answers.computeIfAbsent(answer, k -> new AtomicLong()).incrementAndGet();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
