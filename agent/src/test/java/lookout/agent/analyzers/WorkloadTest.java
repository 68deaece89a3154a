package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkloadTest {

  private static Pod pod(String ownerKind, String ownerName, Map<String, String> labels) {
    var meta =
        new PodBuilder().withNewMetadata().withNamespace("shop").withName("p").withLabels(labels);
    if (ownerKind != null) {
      meta.addNewOwnerReference()
          .withKind(ownerKind)
          .withName(ownerName)
          .withController(true)
          .endOwnerReference();
    }
    return meta.endMetadata().build();
  }

  static Stream<Arguments> pods() {
    return Stream.of(
        Arguments.of(
            "replicaset with pod-template-hash label",
            pod("ReplicaSet", "checkout-api-7d9f8b6c5", Map.of("pod-template-hash", "7d9f8b6c5")),
            Optional.of("checkout-api")),
        Arguments.of(
            "replicaset whose suffix looks like a hash",
            pod("ReplicaSet", "checkout-7d9f", Map.of()),
            Optional.of("checkout")),
        Arguments.of(
            "bare replicaset without a hash",
            pod("ReplicaSet", "payment-api", Map.of()),
            Optional.empty()),
        Arguments.of(
            "statefulset", pod("StatefulSet", "redis", Map.of("app", "redis")), Optional.empty()),
        Arguments.of("job", pod("Job", "report-28391", Map.of()), Optional.empty()),
        Arguments.of(
            "no owner, app.kubernetes.io/name wins over app",
            pod(null, null, Map.of("app", "a", "app.kubernetes.io/name", "b")),
            Optional.of("b")),
        Arguments.of(
            "no owner, app label", pod(null, null, Map.of("app", "tool")), Optional.of("tool")),
        Arguments.of("no owner, no labels", pod(null, null, null), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pods")
  void deployment_to_restart_is_derived_from_the_owner_or_labels(
      String name, Pod pod, Optional<String> expected) {
    assertThat(Workload.deploymentName(pod)).isEqualTo(expected);
  }
}
