package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.DryRun;
import lookout.approvals.RestartDeployment;
import lookout.approvals.TargetSnapshot;
import org.junit.jupiter.api.Test;

class ActionRouterTest {
  /** Records who each action ran as. */
  static final class Recording implements ActionExecutor {
    final List<String> ranAs = new ArrayList<>();

    @Override
    public DryRun dryRun(Action action) {
      throw new UnsupportedOperationException("not asked here");
    }

    @Override
    public Optional<TargetSnapshot> current(Action action) {
      return Optional.empty();
    }

    @Override
    public String execute(Action action) {
      ranAs.add("lookout");
      return "done";
    }

    @Override
    public String execute(Action action, String approvedBy) {
      ranAs.add(approvedBy);
      return "done";
    }
  }

  @Test
  void a_restart_approved_by_bob_reaches_the_cluster_executor_as_bob() throws Exception {
    Recording silences = new Recording();
    Recording cluster = new Recording();
    var routing = new ActionRouter(cluster, new Recording(), silences);

    routing.execute(new RestartDeployment("prod", "shop", "checkout"), "slack:U0BOB");

    assertThat(cluster.ranAs).containsExactly("slack:U0BOB");
    assertThat(silences.ranAs).isEmpty();
  }
}
