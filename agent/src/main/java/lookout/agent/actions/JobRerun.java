package lookout.agent.actions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.approvals.DryRun;
import lookout.approvals.RerunJob;
import lookout.approvals.TargetSnapshot;

/**
 * Creates a new Job from a Job's template (refused while that Job still runs) or from a CronJob's
 * job template (what {@code kubectl create job --from=cronjob/x} does, owned by the CronJob). The
 * labels and selector the Job controller generated for the old Job are dropped so the new one gets
 * its own. Snapshot: (0, the source's generation).
 */
final class JobRerun implements OperationHandler<RerunJob> {
  static final String RERUN_OF = "lookout.dev/rerun-of";
  private static final List<String> GENERATED =
      List.of(
          "controller-uid",
          "job-name",
          "batch.kubernetes.io/controller-uid",
          "batch.kubernetes.io/job-name");
  private static final DateTimeFormatter SUFFIX =
      DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);

  private final Clock clock;

  JobRerun(Clock clock) {
    this.clock = clock;
  }

  @Override
  public DryRun dryRun(KubernetesClient client, RerunJob action) {
    HasMetadata source = read(client, action);
    Job job = newJob(action, source);
    ApiCalls.call(
        action,
        "dry-running",
        () ->
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(action.namespace())
                .resource(job)
                .dryRun()
                .create());
    return new DryRun(
        "create job "
            + action.namespace()
            + "/"
            + job.getMetadata().getName()
            + " from "
            + ref(action),
        snapshot(source));
  }

  @Override
  public Optional<TargetSnapshot> current(KubernetesClient client, RerunJob action) {
    return Optional.ofNullable(fetch(client, action)).map(JobRerun::snapshot);
  }

  @Override
  public String execute(KubernetesClient client, RerunJob action) {
    Job job = newJob(action, read(client, action));
    Job created =
        ApiCalls.call(
            action,
            "creating",
            () ->
                client.batch().v1().jobs().inNamespace(action.namespace()).resource(job).create());
    return "created job "
        + action.namespace()
        + "/"
        + created.getMetadata().getName()
        + " from "
        + ref(action);
  }

  private Job newJob(RerunJob action, HasMetadata source) {
    JobSpec spec;
    Map<String, String> annotations = new HashMap<>();
    annotations.put(RERUN_OF, ref(action));
    ObjectMeta meta = new ObjectMeta();
    if (source instanceof CronJob cron) {
      spec = copy(cron.getSpec().getJobTemplate().getSpec());
      annotations.put("cronjob.kubernetes.io/instantiate", "manual");
      meta.setOwnerReferences(
          List.of(
              new OwnerReferenceBuilder()
                  .withApiVersion("batch/v1")
                  .withKind("CronJob")
                  .withName(cron.getMetadata().getName())
                  .withUid(cron.getMetadata().getUid())
                  .withController(true)
                  .build()));
    } else {
      Job old = (Job) source;
      if (old.getStatus() != null
          && old.getStatus().getActive() != null
          && old.getStatus().getActive() > 0) {
        throw new IllegalStateException(
            ref(action) + " is still running (" + old.getStatus().getActive() + " active pods)");
      }
      spec = copy(old.getSpec());
      spec.setSelector(null);
      spec.setManualSelector(null);
      strip(spec.getTemplate());
    }
    String base = action.name().length() > 40 ? action.name().substring(0, 40) : action.name();
    meta.setName(base + "-rerun-" + SUFFIX.format(clock.instant()));
    meta.setNamespace(action.namespace());
    meta.setAnnotations(annotations);
    Job job = new Job();
    job.setApiVersion("batch/v1");
    job.setKind("Job");
    job.setMetadata(meta);
    job.setSpec(spec);
    return job;
  }

  private static void strip(PodTemplateSpec template) {
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
      GENERATED.forEach(labels::remove);
      template.getMetadata().setLabels(labels);
    }
  }

  private static JobSpec copy(JobSpec spec) {
    return io.fabric8.kubernetes.client.utils.Serialization.clone(spec);
  }

  private static HasMetadata fetch(KubernetesClient client, RerunJob action) {
    return ApiCalls.call(
        action,
        "reading",
        () ->
            action.fromKind().equals("Job")
                ? client
                    .batch()
                    .v1()
                    .jobs()
                    .inNamespace(action.namespace())
                    .withName(action.name())
                    .get()
                : client
                    .batch()
                    .v1()
                    .cronjobs()
                    .inNamespace(action.namespace())
                    .withName(action.name())
                    .get());
  }

  private static HasMetadata read(KubernetesClient client, RerunJob action) {
    return ApiCalls.found(fetch(client, action), action, ref(action));
  }

  private static String ref(RerunJob action) {
    return action.fromKind().toLowerCase(java.util.Locale.ROOT)
        + " "
        + action.namespace()
        + "/"
        + action.name();
  }

  private static TargetSnapshot snapshot(HasMetadata source) {
    return new TargetSnapshot(0, ActionTarget.generation(source));
  }
}
