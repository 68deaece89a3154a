package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PvcUnboundAnalyzerTest {
  private final PvcUnboundAnalyzer analyzer = new PvcUnboundAnalyzer(CLOCK);

  private static PersistentVolumeClaim claim(
      String ns, String name, String phase, String storageClass) {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withStorageClassName(storageClass)
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .withRequests(Map.of("storage", new Quantity("10Gi")))
        .endResources()
        .endSpec()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  private static Pod mounting(String ns, String claim) {
    return deploymentPod(ns, "redis", "5c7d8", "a1")
        .editSpec()
        .addNewVolume()
        .withName("data")
        .withNewPersistentVolumeClaim()
        .withClaimName(claim)
        .endPersistentVolumeClaim()
        .endVolume()
        .endSpec()
        .editStatus()
        .withPhase("Pending")
        .endStatus()
        .build();
  }

  @Test
  void pending_claim_used_by_a_pod_shows_class_size_users_and_provisioner_events() {
    // given
    var claims = List.of(claim("data", "redis-data", "Pending", "fast-ssd"));
    var events =
        List.of(
            event(
                "PersistentVolumeClaim",
                "data",
                "redis-data",
                "ProvisioningFailed",
                "failed to provision volume with StorageClass \"fast-ssd\": quota exceeded",
                3,
                Duration.ofMinutes(1)),
            event(
                "PersistentVolumeClaim",
                "data",
                "redis-data",
                "ExternalProvisioning",
                "Waiting for a volume to be created either by the external provisioner"
                    + " 'ebs.csi.aws.com'",
                12,
                Duration.ofMinutes(4)));

    // when
    var findings =
        analyzer.analyze(facts(List.of(mounting("data", "redis-data")), events, claims, List.of()));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("claim data/redis-data");
              assertThat(f.summary())
                  .isEqualTo(
                      "claim redis-data is not bound (storage class fast-ssd); 1 pod waits for it");
              assertThat(f.evidence())
                  .containsExactly(
                      "claim data/redis-data: Pending, class=fast-ssd request=10Gi"
                          + " modes=ReadWriteOnce",
                      "used by: redis-5c7d8-a1",
                      "event ProvisioningFailed ×3 (last 1m ago): failed to provision volume with"
                          + " StorageClass \"fast-ssd\": quota exceeded",
                      "event ExternalProvisioning ×12 (last 4m ago): Waiting for a volume to be"
                          + " created either by the external provisioner 'ebs.csi.aws.com'",
                      "hint: the provisioner failed (see its error above); check the storage class"
                          + " parameters and quota");
            });
  }

  static Stream<Arguments> notAProblem() {
    return Stream.of(
        Arguments.of(
            "bound claim",
            claim("data", "redis-data", "Bound", "fast-ssd"),
            mounting("data", "redis-data")),
        Arguments.of(
            "pending claim nobody uses",
            claim("data", "old", "Pending", null),
            mounting("data", "redis-data")),
        Arguments.of(
            "same name in another namespace",
            claim("other", "redis-data", "Pending", null),
            mounting("data", "redis-data")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAProblem")
  void no_finding_unless_a_pending_claim_is_needed(
      String name, PersistentVolumeClaim claim, Pod pod) {
    assertThat(analyzer.analyze(facts(List.of(pod), List.of(), List.of(claim), List.of())))
        .isEmpty();
  }

  @Test
  void claim_without_storage_class_points_at_the_default_class() {
    var findings =
        analyzer.analyze(
            facts(
                List.of(mounting("data", "cache")),
                List.of(),
                List.of(claim("data", "cache", "Pending", null)),
                List.of()));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence().getFirst()).contains("class=(default)");
              assertThat(f.evidence().getLast()).contains("default StorageClass");
            });
  }
}
