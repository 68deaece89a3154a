package lookout.approvals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake executor that records every call and answers, or fails, as told. */
final class CountingExecutor implements ActionExecutor {
  private final List<Action> calls = new CopyOnWriteArrayList<>();
  private volatile Exception failure;

  CountingExecutor failingWith(Exception e) {
    this.failure = e;
    return this;
  }

  int calls() {
    return calls.size();
  }

  List<Action> actions() {
    return List.copyOf(calls);
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
