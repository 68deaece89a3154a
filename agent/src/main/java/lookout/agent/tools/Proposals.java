package lookout.agent.tools;

import java.util.ArrayList;
import java.util.List;
import lookout.approvals.Action;

/**
 * The actions the model proposed during one investigation. Proposals become buttons under the
 * answer; pressing one only REQUESTS the action, which then needs an authorized approver. Nothing
 * here can execute anything. Bounded: a model that proposes in a loop gets refused.
 */
public final class Proposals {
  public static final int MAX = 3;
  private final List<Action> actions = new ArrayList<>();

  /**
   * Adds the action unless the answer already carries {@link #MAX} others.
   *
   * @return false when refused for that limit
   */
  public synchronized boolean add(Action action) {
    if (actions.contains(action)) {
      return true;
    }
    if (actions.size() >= MAX) {
      return false;
    }
    actions.add(action);
    return true;
  }

  public synchronized List<Action> actions() {
    return List.copyOf(actions);
  }
}
