package lookout.agent.offline;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.NodeText;
import lookout.agent.cluster.PodText;

/**
 * The state of an object the workload diagnosis does not cover (a job, a cron job, a claim, a node,
 * a pod without a controller …): its status in one line, its pods, and its warning events.
 */
final class ObjectAnswers {
  private static final int EVENT_LINES = 8;

  private final KubernetesClient client;
  private final ClusterReader reader;

  ObjectAnswers(KubernetesClient client, ClusterReader reader) {
    this.client = client;
    this.reader = reader;
  }

  Answer describe(ObjectRef ref) {
    List<Answer.Section> sections = new ArrayList<>();
    String state =
        switch (ref.kind()) {
          case "Job" ->
              job(
                  client
                      .batch()
                      .v1()
                      .jobs()
                      .inNamespace(ref.namespace())
                      .withName(ref.name())
                      .get(),
                  sections);
          case "CronJob" -> cronJob(ref, sections);
          case "Node" -> node(ref, sections);
          case "Pod" -> pod(ref, sections);
          case "PersistentVolumeClaim" -> claim(ref);
          default -> "no analyzer reads " + ref.kind() + " objects yet";
        };
    List<Event> warnings =
        ref.namespace() == null && !ref.kind().equals("Node")
            ? List.of()
            : reader
                .events(
                    ref.namespace() == null ? "default" : ref.namespace(), ref.kind(), ref.name())
                .stream()
                .filter(e -> "Warning".equals(e.getType()))
                .toList();
    if (!warnings.isEmpty()) {
      sections.add(Replies.code("Warning events", reader.eventLines(warnings, EVENT_LINES)));
    }
    return Replies.of(ref + ": " + state + ".", sections);
  }

  private String job(Job job, List<Answer.Section> sections) {
    if (job == null) {
      return "not found";
    }
    var s = job.getStatus();
    String counts =
        s == null
            ? "no status yet"
            : "succeeded="
                + n(s.getSucceeded())
                + " failed="
                + n(s.getFailed())
                + " active="
                + n(s.getActive());
    String condition =
        s == null || s.getConditions() == null
            ? ""
            : s.getConditions().stream()
                .filter(c -> "True".equals(c.getStatus()))
                .map(
                    c ->
                        c.getType()
                            + (c.getReason() == null ? "" : " (" + c.getReason() + ")")
                            + (c.getMessage() == null ? "" : ": " + c.getMessage()))
                .findFirst()
                .map(c -> ", " + c)
                .orElse("");
    List<Pod> pods =
        client
            .pods()
            .inNamespace(job.getMetadata().getNamespace())
            .withLabel("job-name", job.getMetadata().getName())
            .list()
            .getItems();
    if (!pods.isEmpty()) {
      sections.add(
          Replies.section("Pods of job " + job.getMetadata().getName(), reader.podLines(pods)));
    }
    return counts + condition;
  }

  private String cronJob(ObjectRef ref, List<Answer.Section> sections) {
    CronJob cj =
        client.batch().v1().cronjobs().inNamespace(ref.namespace()).withName(ref.name()).get();
    if (cj == null) {
      return "not found";
    }
    var spec = cj.getSpec();
    var status = cj.getStatus();
    String line =
        "schedule \""
            + spec.getSchedule()
            + "\""
            + (Boolean.TRUE.equals(spec.getSuspend()) ? ", suspended" : "")
            + (status == null || status.getLastScheduleTime() == null
                ? ", never scheduled"
                : ", last scheduled " + status.getLastScheduleTime())
            + (status == null || status.getLastSuccessfulTime() == null
                ? ", no successful run recorded"
                : ", last success " + status.getLastSuccessfulTime());
    Job newest =
        client.batch().v1().jobs().inNamespace(ref.namespace()).list().getItems().stream()
            .filter(
                j ->
                    j.getMetadata().getOwnerReferences().stream()
                        .anyMatch(
                            o -> o.getKind().equals("CronJob") && o.getName().equals(ref.name())))
            .max(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())))
            .orElse(null);
    if (newest != null) {
      sections.add(
          Replies.section(
              "Newest run",
              List.of("job " + newest.getMetadata().getName() + ": " + job(newest, sections))));
    }
    return line;
  }

  private String node(ObjectRef ref, List<Answer.Section> sections) {
    var node = client.nodes().withName(ref.name()).get();
    if (node == null) {
      return "not found";
    }
    sections.add(Replies.section("Node", List.of(NodeText.line(node, reader.now()))));
    return NodeText.status(node);
  }

  private String pod(ObjectRef ref, List<Answer.Section> sections) {
    Pod pod = client.pods().inNamespace(ref.namespace()).withName(ref.name()).get();
    if (pod == null) {
      return "not found";
    }
    sections.add(Replies.section("Pod", reader.podLines(List.of(pod))));
    return PodText.status(pod);
  }

  private String claim(ObjectRef ref) {
    var pvc =
        client.persistentVolumeClaims().inNamespace(ref.namespace()).withName(ref.name()).get();
    if (pvc == null) {
      return "not found";
    }
    String phase = pvc.getStatus() == null ? "no status" : pvc.getStatus().getPhase();
    return phase + ", storage class " + pvc.getSpec().getStorageClassName();
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}
