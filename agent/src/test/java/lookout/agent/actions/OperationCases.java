package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.approvals.CleanupEvicted;
import lookout.approvals.CronJobSuspension;
import lookout.approvals.DeletePod;
import lookout.approvals.NodeAction;
import lookout.approvals.RerunJob;
import lookout.approvals.RollbackWorkload;

/** The action kinds beyond restart and scale, each with the objects it works on. */
final class OperationCases {
  private OperationCases() {}

  static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: %ns
        annotations: {deployment.kubernetes.io/revision: "3"}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: "shop/web:3.0"}]}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-old
        namespace: %ns
        annotations: {deployment.kubernetes.io/revision: "2"}
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
      spec:
        replicas: 2
        selector: {matchLabels: {app: web, pod-template-hash: old}}
        template:
          metadata: {labels: {app: web, pod-template-hash: old}}
          spec: {containers: [{name: web, image: "shop/web:2.9"}]}
      status: {replicas: 2, readyReplicas: 2}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-new
        namespace: %ns
        annotations: {deployment.kubernetes.io/revision: "3"}
        ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1, controller: true}]
      spec:
        replicas: 1
        selector: {matchLabels: {app: web, pod-template-hash: new}}
        template:
          metadata: {labels: {app: web, pod-template-hash: new}}
          spec: {containers: [{name: web, image: "shop/web:3.0"}]}
      status: {replicas: 1, readyReplicas: 0}
      """;

  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-old-x1
        namespace: %ns
        labels: {app: web}
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-old, uid: u2, controller: true}]
      spec: {nodeName: node-1, containers: [{name: web, image: "shop/web:2.9"}]}
      status: {phase: Running}
      """;

  /** A node named after the namespace, with a pod and a DaemonSet pod on it. */
  static String node(boolean cordoned) {
    return """
      apiVersion: v1
      kind: Node
      metadata:
        name: %ns-node
        labels: {pool: general}
      spec: {unschedulable: %cordoned}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-1
        namespace: %ns
        labels: {app: api}
        ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-1a, uid: u3, controller: true}]
      spec: {nodeName: %ns-node, containers: [{name: api, image: "shop/api:1"}]}
      status: {phase: Running}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: log-agent-1
        namespace: %ns
        labels: {app: log-agent}
        ownerReferences: [{apiVersion: apps/v1, kind: DaemonSet, name: log-agent, uid: u4, controller: true}]
      spec: {nodeName: %ns-node, containers: [{name: agent, image: "fluent-bit:3"}]}
      status: {phase: Running}
      """
        .replace("%cordoned", String.valueOf(cordoned));
  }

  static String budget(int allowed) {
    return """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: api, namespace: %ns, generation: 1}
      spec: {minAvailable: 2, selector: {matchLabels: {app: api}}}
      status: {observedGeneration: 1, disruptionsAllowed: %allowed, currentHealthy: %healthy, desiredHealthy: 2, expectedPods: 3}
      """
        .replace("%allowed", String.valueOf(allowed))
        .replace("%healthy", String.valueOf(2 + allowed));
  }

  static final String CRON =
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup, namespace: %ns}
      spec:
        schedule: "0 2 * * *"
        suspend: %suspended
        jobTemplate:
          spec:
            backoffLimit: 2
            template:
              spec:
                restartPolicy: Never
                containers: [{name: backup, image: "tools/backup:1"}]
      """;

  static final String FAILED_JOB =
      """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: backup-28912, namespace: %ns}
      spec:
        backoffLimit: 2
        selector: {matchLabels: {batch.kubernetes.io/controller-uid: abc}}
        template:
          metadata: {labels: {batch.kubernetes.io/controller-uid: abc, job-name: backup-28912}}
          spec:
            restartPolicy: Never
            containers: [{name: backup, image: "tools/backup:1"}]
      status:
        failed: 3
        conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded}]
      """;

  static String failedPods() {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i <= 3; i++) {
      out.append(
          """
          apiVersion: v1
          kind: Pod
          metadata:
            name: worker-%i
            namespace: %ns
            creationTimestamp: "2026-01-0%iT00:00:00Z"
            ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: worker-r, uid: u5, controller: true}]
          spec: {containers: [{name: w, image: "w:1"}]}
          status: {phase: Failed, reason: %reason, message: "The node was low on resource: memory."}
          ---
          """
              .replace("%i", String.valueOf(i))
              .replace("%reason", i < 3 ? "Evicted" : "Error"));
    }
    return out.append(POD).toString();
  }

  /** Someone else cordons or uncordons the case's node. */
  static void unschedulable(
      io.fabric8.kubernetes.client.KubernetesClient c, String ns, boolean on) {
    c.nodes()
        .withName(ns + "-node")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"unschedulable\":" + on + "}}");
  }

  static List<OperationCase> all() {
    return List.of(
        new OperationCase(
            "rollback",
            WEB,
            ns -> new RollbackWorkload("sandbox", ns, "Deployment", "web", 0),
            (c, ns) -> c.apps().deployments().inNamespace(ns).withName("web").scale(3),
            (c, ns) ->
                assertThat(
                        c.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName("web")
                            .get()
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("shop/web:2.9"),
            "rolled back deployment %ns/web from revision 3 to 2 (shop/web:2.9)"),
        new OperationCase(
            "delete-pod",
            POD,
            ns -> new DeletePod("sandbox", ns, "web-old-x1"),
            (c, ns) -> c.pods().inNamespace(ns).withName("web-old-x1").delete(),
            (c, ns) -> assertThat(c.pods().inNamespace(ns).withName("web-old-x1").get()).isNull(),
            "deleted pod %ns/web-old-x1; ReplicaSet web-old creates a new one"),
        new OperationCase(
            "cordon",
            node(false),
            ns -> new NodeAction("sandbox", ns + "-node", NodeAction.Op.CORDON),
            (c, ns) -> unschedulable(c, ns, true),
            (c, ns) ->
                assertThat(c.nodes().withName(ns + "-node").get().getSpec().getUnschedulable())
                    .isTrue(),
            "cordoned node %ns-node"),
        new OperationCase(
            "uncordon",
            node(true),
            ns -> new NodeAction("sandbox", ns + "-node", NodeAction.Op.UNCORDON),
            (c, ns) -> unschedulable(c, ns, false),
            (c, ns) ->
                assertThat(c.nodes().withName(ns + "-node").get().getSpec().getUnschedulable())
                    .isFalse(),
            "uncordoned node %ns-node"),
        new OperationCase(
            "drain",
            node(false) + "---\n" + budget(1),
            ns -> new NodeAction("sandbox", ns + "-node", NodeAction.Op.DRAIN),
            (c, ns) -> unschedulable(c, ns, true),
            (c, ns) -> {
              assertThat(c.pods().inNamespace(ns).withName("api-1").get()).isNull();
              assertThat(c.pods().inNamespace(ns).withName("log-agent-1").get()).isNotNull();
            },
            "node %ns-node cordoned; evicted 1 pod (%ns/api-1); left 1 DaemonSet pod(s)"),
        new OperationCase(
            "suspend",
            CRON.replace("%suspended", "false"),
            ns -> new CronJobSuspension("sandbox", ns, "backup", true),
            (c, ns) ->
                c.batch()
                    .v1()
                    .cronjobs()
                    .inNamespace(ns)
                    .withName("backup")
                    .edit(
                        cj -> {
                          cj.getSpec().setSuspend(true);
                          return cj;
                        }),
            (c, ns) ->
                assertThat(
                        c.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(ns)
                            .withName("backup")
                            .get()
                            .getSpec()
                            .getSuspend())
                    .isTrue(),
            "suspended cronjob %ns/backup: no new runs start"),
        new OperationCase(
            "resume",
            CRON.replace("%suspended", "true"),
            ns -> new CronJobSuspension("sandbox", ns, "backup", false),
            (c, ns) ->
                c.batch()
                    .v1()
                    .cronjobs()
                    .inNamespace(ns)
                    .withName("backup")
                    .edit(
                        cj -> {
                          cj.getSpec().setSuspend(false);
                          return cj;
                        }),
            (c, ns) ->
                assertThat(
                        c.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(ns)
                            .withName("backup")
                            .get()
                            .getSpec()
                            .getSuspend())
                    .isFalse(),
            "resumed cronjob %ns/backup"),
        new OperationCase(
            "rerun",
            FAILED_JOB,
            ns -> new RerunJob("sandbox", ns, "Job", "backup-28912"),
            (c, ns) -> c.batch().v1().jobs().inNamespace(ns).withName("backup-28912").delete(),
            (c, ns) ->
                assertThat(c.batch().v1().jobs().inNamespace(ns).list().getItems())
                    .extracting(j -> j.getMetadata().getName())
                    .containsExactlyInAnyOrder("backup-28912", "backup-28912-rerun-1122030405"),
            "created job %ns/backup-28912-rerun-1122030405 from job %ns/backup-28912"),
        new OperationCase(
            "cleanup-evicted",
            failedPods(),
            ns -> new CleanupEvicted("sandbox", ns, 2),
            (c, ns) -> {
              c.pods().inNamespace(ns).withName("worker-1").delete();
              c.pods().inNamespace(ns).withName("worker-2").delete();
            },
            (c, ns) ->
                assertThat(c.pods().inNamespace(ns).list().getItems())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactlyInAnyOrder("worker-3", "web-old-x1"),
            "deleted 2 Failed pods in %ns; 1 more remain"));
  }
}
