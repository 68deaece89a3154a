package lookout.agent.tools;

import lookout.agent.cluster.Workload;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;

/**
 * Turns the model's "restart X" / "scale X to N" into a typed proposal after checking the target
 * exists and the change makes sense. The reply tells the model plainly that nothing ran.
 */
public final class ActionService {
  static final int MAX_REPLICAS = 50;
  private static final String PENDING =
      " — PROPOSED only: a person must press the button and an approver must approve; nothing was"
          + " executed.";

  private final ClusterService cluster;

  public ActionService(ClusterService cluster) {
    this.cluster = cluster;
  }

  public String proposeRestart(String namespace, String name, Proposals into) {
    return switch (cluster.targets().workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> {
        Workload w = f.workload();
        if (!"Deployment".equals(w.kind())) {
          yield "REFUSED: restart is offered for deployments only; " + w.ref() + " is not one";
        }
        yield add(into, new RestartDeployment(cluster.cluster(), w.namespace(), w.name()));
      }
    };
  }

  public String proposeScale(String namespace, String name, int replicas, Proposals into) {
    if (replicas < 0 || replicas > MAX_REPLICAS) {
      return "REFUSED: replicas must be between 0 and " + MAX_REPLICAS;
    }
    return switch (cluster.targets().workload(namespace, name)) {
      case Targets.Problem p -> p.text();
      case Targets.Found f -> {
        Workload w = f.workload();
        if (!w.scalable()) {
          yield "REFUSED: " + w.ref() + " runs one pod per node and cannot be scaled";
        }
        if (w.desired() == replicas) {
          yield "NO_CHANGE: " + w.ref() + " already wants " + replicas + " replicas";
        }
        yield add(
            into,
            new ScaleWorkload(cluster.cluster(), w.namespace(), w.kind(), w.name(), replicas));
      }
    };
  }

  private static String add(Proposals into, lookout.approvals.Action action) {
    return into.add(action)
        ? "APPROVAL_REQUIRED: " + action.describe() + PENDING
        : "REFUSED: at most " + Proposals.MAX + " proposals per answer";
  }
}
