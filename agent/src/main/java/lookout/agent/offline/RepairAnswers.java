package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.function.Function;
import lookout.agent.Answer;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.Workload;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.Command.Repair.Verb;
import lookout.approvals.Action;
import lookout.approvals.CleanupEvicted;
import lookout.approvals.CronJobSuspension;
import lookout.approvals.DeletePod;
import lookout.approvals.NodeAction;
import lookout.approvals.RerunJob;
import lookout.approvals.RollbackWorkload;

/**
 * "roll back checkout in staging", "drain node-4", "暂停定时任务 backup": finds the object the repair
 * names and returns the typed action as {@code requested}, for the approval flow. Never executes
 * anything; the dry run, when the request is made, says exactly what would change.
 */
final class RepairAnswers {
  private final String cluster;
  private final KubernetesClient client;
  private final ClusterReader reader;
  private final TargetResolver resolver;

  RepairAnswers(
      String cluster, KubernetesClient client, ClusterReader reader, TargetResolver resolver) {
    this.cluster = cluster;
    this.client = client;
    this.reader = reader;
    this.resolver = resolver;
  }

  Answer answer(Command.Repair r) {
    if (r.verb() == Verb.CLEANUP_EVICTED) {
      return r.namespace() == null
          ? Replies.text(
              "Clean up which namespace? Say it like \"clean up evicted pods in staging\" or"
                  + " \"清理 staging 被驱逐的 pod\".")
          : requesting(
              "Deleting the Evicted/Failed pods of " + r.namespace() + " needs approval.",
              new CleanupEvicted(cluster, r.namespace(), CleanupEvicted.DEFAULT_MAX));
    }
    if (r.name() == null) {
      return Replies.text(example(r.verb()));
    }
    return switch (r.verb()) {
      case ROLLBACK -> rollback(r);
      case DELETE_POD ->
          named(
              "pod",
              r,
              ns -> client.pods().inNamespace(ns).withName(r.name()).get(),
              client.pods().inAnyNamespace().withField("metadata.name", r.name()).list().getItems(),
              o -> new DeletePod(cluster, o.getMetadata().getNamespace(), r.name()));
      case CORDON, UNCORDON, DRAIN -> node(r);
      case SUSPEND, RESUME ->
          named(
              "cronjob",
              r,
              ns -> client.batch().v1().cronjobs().inNamespace(ns).withName(r.name()).get(),
              client.batch().v1().cronjobs().inAnyNamespace().list().getItems().stream()
                  .filter(c -> c.getMetadata().getName().equals(r.name()))
                  .toList(),
              o ->
                  new CronJobSuspension(
                      cluster, o.getMetadata().getNamespace(), r.name(), r.verb() == Verb.SUSPEND));
      case RERUN -> rerun(r);
      case CLEANUP_EVICTED -> throw new IllegalStateException("answered above");
    };
  }

  private Answer rollback(Command.Repair r) {
    return switch (resolver.resolve(r.namespace(), r.name())) {
      case Resolution.Reply reply -> reply.answer();
      case Resolution.Resolved resolved -> {
        Workload w = resolved.workload();
        if (!List.of("Deployment", "StatefulSet", "DaemonSet").contains(w.kind())) {
          yield Replies.text(w.ref() + " has no revisions to roll back to.");
        }
        yield Replies.requesting(
            "Rolling back "
                + w.ref()
                + (r.revision() > 0 ? " to revision " + r.revision() : "")
                + " needs approval.",
            List.of(Replies.section("Now", List.of(reader.line(w)))),
            new RollbackWorkload(cluster, w.namespace(), w.kind(), w.name(), r.revision()));
      }
    };
  }

  private Answer node(Command.Repair r) {
    if (client.nodes().withName(r.name()).get() == null) {
      return Replies.text(
          "There is no node "
              + r.name()
              + " in cluster "
              + cluster
              + ". Nodes: "
              + String.join(
                  ", ", reader.nodes().stream().map(n -> n.getMetadata().getName()).toList())
              + ".");
    }
    NodeAction.Op op =
        switch (r.verb()) {
          case CORDON -> NodeAction.Op.CORDON;
          case UNCORDON -> NodeAction.Op.UNCORDON;
          default -> NodeAction.Op.DRAIN;
        };
    NodeAction action = new NodeAction(cluster, r.name(), op);
    return requesting(capitalized(action.describe()) + " needs approval.", action);
  }

  private Answer rerun(Command.Repair r) {
    List<? extends HasMetadata> jobs =
        client.batch().v1().jobs().inAnyNamespace().list().getItems().stream()
            .filter(j -> j.getMetadata().getName().equals(r.name()))
            .filter(
                j -> r.namespace() == null || r.namespace().equals(j.getMetadata().getNamespace()))
            .toList();
    if (!jobs.isEmpty()) {
      return named(
          "job",
          r,
          ns -> null,
          jobs,
          o -> new RerunJob(cluster, o.getMetadata().getNamespace(), "Job", r.name()));
    }
    return named(
        "job or cronjob",
        r,
        ns -> client.batch().v1().cronjobs().inNamespace(ns).withName(r.name()).get(),
        client.batch().v1().cronjobs().inAnyNamespace().list().getItems().stream()
            .filter(c -> c.getMetadata().getName().equals(r.name()))
            .toList(),
        o -> new RerunJob(cluster, o.getMetadata().getNamespace(), "CronJob", r.name()));
  }

  /** One object of that name: in the named namespace, or the only one anywhere. */
  private Answer named(
      String what,
      Command.Repair r,
      Function<String, HasMetadata> inNamespace,
      List<? extends HasMetadata> anywhere,
      Function<HasMetadata, Action> action) {
    List<? extends HasMetadata> found =
        r.namespace() == null
            ? anywhere
            : anywhere.stream()
                .filter(o -> r.namespace().equals(o.getMetadata().getNamespace()))
                .toList();
    if (found.isEmpty() && r.namespace() != null) {
      HasMetadata one = inNamespace.apply(r.namespace());
      found = one == null ? List.of() : List.of(one);
    }
    if (found.isEmpty()) {
      return Replies.text(
          "No "
              + what
              + " named "
              + r.name()
              + (r.namespace() == null ? " in any namespace" : " in namespace " + r.namespace())
              + " of cluster "
              + cluster
              + ".");
    }
    if (found.size() > 1) {
      return Replies.text(
          r.name()
              + " exists in "
              + Replies.join(found.stream().map(o -> o.getMetadata().getNamespace()).toList())
              + " — which namespace?");
    }
    Action a = action.apply(found.getFirst());
    return requesting(capitalized(a.describe()) + " needs approval.", a);
  }

  private static Answer requesting(String summary, Action action) {
    return Replies.requesting(summary, List.of(), action);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String example(Verb verb) {
    return switch (verb) {
      case ROLLBACK ->
          "Roll back what? Say it like \"roll back checkout in staging\" or \"回滚 staging 的 checkout\".";
      case DELETE_POD ->
          "Delete which pod? Say it like \"delete pod checkout-7d9f-x2 in staging\" or \"删除 pod checkout-7d9f-x2\".";
      case CORDON, UNCORDON, DRAIN ->
          "Which node? Say it like \"cordon node-3\", \"drain node-3\" or \"隔离节点 node-3\".";
      case SUSPEND, RESUME ->
          "Which CronJob? Say it like \"suspend cronjob backup in prod\" or \"暂停定时任务 backup\".";
      case RERUN ->
          "Re-run which Job? Say it like \"rerun job backup-28912 in prod\" or \"重跑 backup-28912\".";
      case CLEANUP_EVICTED -> "Clean up which namespace?";
    };
  }
}
