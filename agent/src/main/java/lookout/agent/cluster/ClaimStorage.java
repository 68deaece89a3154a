package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.VolumeAttachment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lookout.agent.analyzers.Related;

/**
 * The cluster-scoped storage behind some claims, read only as far as they reference it: their
 * StorageClasses (every class when a claim relies on the default one), their PersistentVolumes, and
 * the VolumeAttachments of those volumes.
 */
final class ClaimStorage {
  private static final ListOptions BOUNDED = RelatedReader.BOUNDED;

  private final KubernetesClient client;

  ClaimStorage(KubernetesClient client) {
    this.client = client;
  }

  /** Related plus the storage the claims reference, and every gap met on the way. */
  Related add(Related related, List<PersistentVolumeClaim> claims, GuardedReads reads) {
    List<StorageClass> classes = storageClasses(claims, reads);
    List<PersistentVolume> volumes = new ArrayList<>();
    for (String name : names(claims, true)) {
      PersistentVolume pv =
          reads.get(ReadScope.VOLUMES, null, () -> client.persistentVolumes().withName(name).get());
      if (pv != null) {
        volumes.add(pv);
      }
    }
    Set<String> volumeNames = new LinkedHashSet<>();
    volumes.forEach(v -> volumeNames.add(v.getMetadata().getName()));
    List<VolumeAttachment> attachments =
        volumeNames.isEmpty()
            ? List.of()
            : reads
                .list(
                    ReadScope.ATTACHMENTS,
                    null,
                    () -> client.storage().v1().volumeAttachments().list(BOUNDED).getItems())
                .stream()
                .filter(a -> volumeNames.contains(attachedVolume(a)))
                .toList();
    return new Related(
        related.deployments(),
        related.replicaSets(),
        related.statefulSets(),
        related.daemonSets(),
        related.jobs(),
        related.cronJobs(),
        related.services(),
        related.endpointSlices(),
        related.ingresses(),
        related.autoscalers(),
        related.quotas(),
        classes,
        volumes,
        attachments,
        reads.gaps());
  }

  /**
   * The classes the claims name; all classes when a claim names none, since then the default class
   * (an annotation on one of them) decides.
   */
  private List<StorageClass> storageClasses(
      List<PersistentVolumeClaim> claims, GuardedReads reads) {
    boolean usesDefault =
        claims.stream()
            .anyMatch(c -> c.getSpec() != null && c.getSpec().getStorageClassName() == null);
    if (usesDefault) {
      return reads.list(
          ReadScope.STORAGE_CLASSES,
          null,
          () -> client.storage().v1().storageClasses().list(BOUNDED).getItems());
    }
    List<StorageClass> classes = new ArrayList<>();
    for (String name : names(claims, false)) {
      StorageClass sc =
          reads.get(
              ReadScope.STORAGE_CLASSES,
              null,
              () -> client.storage().v1().storageClasses().withName(name).get());
      if (sc != null) {
        classes.add(sc);
      }
    }
    return classes;
  }

  /** Distinct volume names (or class names) the claims spell out, blanks left out. */
  private static Set<String> names(List<PersistentVolumeClaim> claims, boolean volumes) {
    Set<String> names = new LinkedHashSet<>();
    for (PersistentVolumeClaim c : claims) {
      if (c.getSpec() == null) {
        continue;
      }
      String name = volumes ? c.getSpec().getVolumeName() : c.getSpec().getStorageClassName();
      if (name != null && !name.isBlank()) {
        names.add(name);
      }
    }
    return names;
  }

  private static String attachedVolume(VolumeAttachment a) {
    return a.getSpec() == null || a.getSpec().getSource() == null
        ? null
        : a.getSpec().getSource().getPersistentVolumeName();
  }
}
