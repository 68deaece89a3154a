package lookout.approvals;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake executor: a target with 3 replicas at generation 7 that tests can change (drift) or
 * remove; records every execution and answers, or fails, as told.
 */
final class CountingExecutor implements ActionExecutor {
  static final TargetSnapshot START = new TargetSnapshot(3, 7);

  private final List<Action> calls = new CopyOnWriteArrayList<>();
  private final AtomicReference<Optional<TargetSnapshot>> target =
      new AtomicReference<>(Optional.of(START));
  private volatile Exception failure;
  private volatile Exception dryRunFailure;

  CountingExecutor failingWith(Exception e) {
    this.failure = e;
    return this;
  }

  CountingExecutor dryRunFailingWith(Exception e) {
    this.dryRunFailure = e;
    return this;
  }

  /** The target as the next read sees it; empty = deleted. */
  void target(Optional<TargetSnapshot> now) {
    target.set(now);
  }

  int calls() {
    return calls.size();
  }

  List<Action> actions() {
    return List.copyOf(calls);
  }

  @Override
  public DryRun dryRun(Action action) throws Exception {
    if (dryRunFailure != null) {
      throw dryRunFailure;
    }
    TargetSnapshot now = target.get().orElseThrow(() -> new IllegalStateException("not found"));
    String change =
        action instanceof ScaleWorkload s
            ? "replicas " + now.replicas() + " → " + s.replicas()
            : "rollout restart of " + now.replicas() + " pods";
    return new DryRun(change, now);
  }

  @Override
  public Optional<TargetSnapshot> current(Action action) {
    return target.get();
  }

  @Override
  public String execute(Action action) throws Exception {
    calls.add(action);
    if (failure != null) {
      throw failure;
    }
    return "done: " + action.describe();
  }
}
