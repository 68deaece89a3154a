package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static lookout.agent.analyzers.Fixtures.healthy;
import static lookout.agent.analyzers.Fixtures.withStatuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImagePullBackOffAnalyzerTest {
  private final ImagePullBackOffAnalyzer analyzer = new ImagePullBackOffAnalyzer(CLOCK);

  private static ContainerStatus waiting(String reason, String message) {
    return new ContainerStatusBuilder()
        .withName("app")
        .withImage("registry.example.com/checkout:1.4.2")
        .withReady(false)
        .withRestartCount(0)
        .withNewState()
        .withNewWaiting(message, reason)
        .endState()
        .build();
  }

  @Test
  void image_pull_failure_names_the_image_the_registry_message_and_failed_events() {
    // given
    var pod =
        withStatuses(
            deploymentPod("staging", "checkout", "7d9f8", "a1"),
            waiting(
                "ImagePullBackOff",
                "Back-off pulling image \"registry.example.com/checkout:1.4.2\""));
    var events =
        List.of(
            event(
                "Pod",
                "staging",
                "checkout-7d9f8-a1",
                "Failed",
                "Failed to pull image \"registry.example.com/"
                    + "checkout:1.4.2\": rpc error: code = NotFound desc = manifest unknown",
                4,
                Duration.ofMinutes(3)),
            event("Pod", "staging", "other-pod", "Failed", "unrelated", 1, Duration.ofMinutes(1)),
            event(
                "Pod",
                "prod",
                "checkout-7d9f8-a1",
                "Failed",
                "same name, other namespace",
                1,
                Duration.ofMinutes(1)));

    // when
    var findings = analyzer.analyze(facts(List.of(pod), events, NO_LOGS));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.summary())
                  .isEqualTo(
                      "cannot start: image registry.example.com/checkout:1.4.2 does not exist in"
                          + " registry.example.com (tag 1.4.2 not found)");
              assertThat(f.evidence())
                  .containsExactly(
                      "pod staging/checkout-7d9f8-a1 container app: waiting ImagePullBackOff"
                          + " image=registry.example.com/checkout:1.4.2 node=worker-1",
                      "message: Back-off pulling image \"registry.example.com/checkout:1.4.2\"",
                      "event Failed ×4 (last 3m ago): Failed to pull image"
                          + " \"registry.example.com/checkout:1.4.2\": rpc error: code = NotFound"
                          + " desc = manifest unknown");
              assertThat(f.fixes())
                  .containsExactly(
                      "correct the image tag in deployment staging/checkout to one that was pushed,"
                          + " or push registry.example.com/checkout:1.4.2");
            });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ErrImagePull      | pull access denied, repository does not exist or may require authorization: denied | does not exist in registry.example.com or needs credentials
          ErrImagePull      | dial tcp: lookup registry.example.com: no such host                                   | is unreachable
          InvalidImageName  | couldn't parse image reference                                                        | not a valid image reference
          ImagePullBackOff  | toomanyrequests: You have reached your pull rate limit                                | rate-limits pulls
          ErrImagePull      | rpc error: code = NotFound desc = failed to pull and unpack image                      | does not exist
          ErrImagePull      | failed to pull and unpack image: no match for platform in manifest: not found          | no build for the node's platform
          ImagePullBackOff  | something new                                                                         | cannot be pulled
          """)
  void cause_follows_the_registry_wording(String reason, String message, String expected) {
    PullFailure why =
        PullFailure.classify(
            reason,
            List.of(message),
            "registry.example.com/shop/web:1.2",
            List.of(),
            "deployment shop/web",
            "arm64");
    assertThat(why.cause()).contains(expected);
    assertThat(why.fix()).isNotBlank();
  }

  @Test
  void running_container_and_container_creating_are_not_pull_failures() {
    var pods =
        List.of(
            withStatuses(deploymentPod("staging", "checkout", "7d9f8", "a1"), healthy("app")),
            withStatuses(
                deploymentPod("staging", "web", "7d9f8", "b1"),
                waiting("ContainerCreating", null)));

    assertThat(analyzer.analyze(facts(pods, List.of(), NO_LOGS))).isEmpty();
  }
}
