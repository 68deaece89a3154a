package lookout.agent.resolve;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ObjectRef;

/**
 * Objects that are parts of another one the question may mean: a CronJob's runs, a StatefulSet's
 * claims. They fold into their owner when both match, and a question about runs in a namespace is
 * about the one CronJob there.
 */
final class Folding {
  private Folding() {}

  /** {@code refs} without the runs and claims of a CronJob or StatefulSet also among them. */
  static List<ObjectRef> withoutParts(List<ObjectRef> refs) {
    return withoutClaimsOfStatefulSets(withoutRuns(refs));
  }

  /**
   * "did the backup run last night?" where namespace backup holds one CronJob: a question about
   * runs that names only a namespace is about the one CronJob there (or the one Job, with none).
   */
  static Optional<ObjectRef> onlyRunner(
      Inventory inventory, String namespace, List<String> hinted) {
    List<ObjectRef> runners =
        withoutRuns(
            inventory.entries().stream()
                .map(Inventory.Entry::ref)
                .filter(r -> namespace.equals(r.namespace()))
                .filter(r -> r.kind().equals("CronJob") || r.kind().equals("Job"))
                .toList());
    for (String kind : List.of("CronJob", "Job")) {
      List<ObjectRef> ofKind = runners.stream().filter(r -> r.kind().equals(kind)).toList();
      if (!ofKind.isEmpty()) {
        return hinted.contains(kind) && ofKind.size() == 1
            ? Optional.of(ofKind.get(0))
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A cron job's runs ({@code db-backup-29141520}) are not asked about when the cron job is. */
  private static List<ObjectRef> withoutRuns(List<ObjectRef> refs) {
    return refs.stream()
        .filter(
            r ->
                !r.kind().equals("Job")
                    || refs.stream()
                        .noneMatch(
                            o ->
                                o.kind().equals("CronJob")
                                    && Objects.equals(o.namespace(), r.namespace())
                                    && r.name().matches(Pattern.quote(o.name()) + "-[0-9]{6,}")))
        .toList();
  }

  /**
   * Claims made from a StatefulSet's volumeClaimTemplates ({@code data-clickhouse-2}: template,
   * set, ordinal) are not asked about when the StatefulSet is.
   */
  private static List<ObjectRef> withoutClaimsOfStatefulSets(List<ObjectRef> refs) {
    return refs.stream()
        .filter(
            r ->
                !r.kind().equals("PersistentVolumeClaim")
                    || refs.stream()
                        .noneMatch(
                            o ->
                                o.kind().equals("StatefulSet")
                                    && Objects.equals(o.namespace(), r.namespace())
                                    && r.name()
                                        .matches(".+-" + Pattern.quote(o.name()) + "-[0-9]+")))
        .toList();
  }
}
