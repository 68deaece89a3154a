package lookout.agent.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** Cluster reads for the model. Each method is one line: the service does the work. */
public final class ClusterTools {
  private static final String NS = "namespace; omit for all";
  private final ClusterService cluster;
  private final Investigator investigator;

  public ClusterTools(ClusterService cluster, Investigator investigator) {
    this.cluster = cluster;
    this.investigator = investigator;
  }

  @Tool(
      name = "investigate",
      value =
          "One workload's status, worst pods, limits, last exit, events, log errors, node,"
              + " findings and metrics.")
  public String investigate(
      @P(value = NS, required = false) String namespace, @P("workload or pod name") String name) {
    return Budget.cut(investigator.investigate(namespace, name), 6_000, "calling logs or events");
  }

  @Tool(name = "problem_pods", value = "Pods with problems found by the analyzers, worst first.")
  public String problemPods(@P(value = NS, required = false) String namespace) {
    return Budget.cut(investigator.problems(namespace), 3_000, "namespace");
  }

  @Tool(name = "list_workloads", value = "Deployments, statefulsets, daemonsets; unhealthy first.")
  public String listWorkloads(@P(value = NS, required = false) String namespace) {
    return Budget.cut(cluster.workloads(namespace), 3_000, "namespace");
  }

  @Tool(name = "describe_workload", value = "One workload: replicas, images, pods, events.")
  public String describeWorkload(
      @P(value = NS, required = false) String namespace, @P("workload name") String name) {
    return Budget.cut(cluster.describeWorkload(namespace, name), 4_000, "describe_pod");
  }

  @Tool(name = "list_pods", value = "Pods of a workload or a namespace, worst first.")
  public String listPods(
      @P(value = NS, required = false) String namespace,
      @P(value = "workload name", required = false) String workload) {
    return Budget.cut(cluster.pods(namespace, workload), 3_000, "workload name");
  }

  @Tool(name = "describe_pod", value = "One pod: containers, limits, states, exit codes, events.")
  public String describePod(
      @P(value = NS, required = false) String namespace, @P("pod name") String pod) {
    return Budget.cut(cluster.describePod(namespace, pod), 4_000, "container");
  }

  @Tool(name = "events", value = "Recent events of a namespace, or of objects named name*.")
  public String events(
      @P("namespace") String namespace,
      @P(value = "object name or name prefix", required = false) String name) {
    return Budget.cut(cluster.events(namespace, name), 3_000, "object name");
  }

  @Tool(
      name = "logs",
      value = "A container's log tail with repeats folded, or only its error lines.")
  public String logs(
      @P(value = NS, required = false) String namespace,
      @P("pod name, or a workload name for its worst pod") String pod,
      @P(value = "container name", required = false) String container,
      @P(value = "true for the previous (crashed) instance", required = false) Boolean previous,
      @P(value = "true for error lines only", required = false) Boolean errorsOnly) {
    // the newest lines hold the crash: a log keeps its tail, not its head
    return Budget.keepTail(
        cluster.logs(
            namespace,
            pod,
            container,
            Boolean.TRUE.equals(previous),
            Boolean.TRUE.equals(errorsOnly)),
        5_000,
        "errorsOnly=true or a container");
  }

  @Tool(name = "nodes", value = "Nodes with conditions, pressure and capacity; problems first.")
  public String nodes() {
    return Budget.cut(cluster.nodes(), 3_000, "asking about one node");
  }

  @Tool(name = "rollout_status", value = "Rollout progress and ReplicaSet history of a workload.")
  public String rolloutStatus(
      @P(value = NS, required = false) String namespace, @P("workload name") String name) {
    return Budget.cut(cluster.rollout(namespace, name), 3_000, "events");
  }
}
