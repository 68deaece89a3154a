package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.ago;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.event;
import static lookout.agent.analyzers.Fixtures.facts;
import static lookout.agent.analyzers.Fixtures.healthy;
import static lookout.agent.analyzers.Fixtures.withStatuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeFailureAnalyzerTest {
  private final ProbeFailureAnalyzer analyzer = new ProbeFailureAnalyzer(CLOCK);

  private static PodBuilder withProbes() {
    return deploymentPod("staging", "checkout", "7d9f8", "a1")
        .editSpec()
        .editFirstContainer()
        .withNewReadinessProbe()
        .withNewHttpGet()
        .withPath("/healthz")
        .withPort(new IntOrString(8080))
        .endHttpGet()
        .withPeriodSeconds(5)
        .withFailureThreshold(3)
        .endReadinessProbe()
        .withNewLivenessProbe()
        .withNewTcpSocket()
        .withPort(new IntOrString("http"))
        .endTcpSocket()
        .endLivenessProbe()
        .endContainer()
        .endSpec();
  }

  private static Pod notReady(Duration startedAgo, int restarts) {
    return withStatuses(
        withProbes(),
        new ContainerStatusBuilder()
            .withName("app")
            .withReady(false)
            .withRestartCount(restarts)
            .withNewState()
            .withNewRunning(ago(startedAgo))
            .endState()
            .build());
  }

  private static Event unhealthy(String message, String fieldPath) {
    return new EventBuilder(
            event(
                "Pod",
                "staging",
                "checkout-7d9f8-a1",
                "Unhealthy",
                message,
                40,
                Duration.ofSeconds(10)))
        .editInvolvedObject()
        .withFieldPath(fieldPath)
        .endInvolvedObject()
        .build();
  }

  @Test
  void not_ready_container_shows_probe_definitions_and_unhealthy_events() {
    // given
    var events =
        List.of(
            unhealthy(
                "Readiness probe failed: HTTP probe failed with statuscode: 503",
                "spec.containers{app}"),
            unhealthy("Readiness probe failed: of the sidecar", "spec.containers{sidecar}"));

    // when
    var findings =
        analyzer.analyze(facts(List.of(notReady(Duration.ofMinutes(30), 0)), events, NO_LOGS));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
              assertThat(f.summary())
                  .isEqualTo(
                      "is not ready: readiness probe fails — the app answers HTTP 503 on /healthz: it"
                          + " reports itself unhealthy — Readiness probe failed: HTTP probe failed"
                          + " with statuscode: 503");
              assertThat(f.evidence())
                  .startsWith(
                      "pod staging/checkout-7d9f8-a1 container app: running, not ready, restarts=0",
                      "probe readiness app: httpGet :8080/healthz period=5s timeout=1s"
                          + " failureThreshold=3 delay=0s",
                      "probe liveness app: tcpSocket :http period=10s timeout=1s failureThreshold=3"
                          + " delay=0s",
                      "event Unhealthy ×40 (last 10s ago): Readiness probe failed: HTTP probe"
                          + " failed with statuscode: 503");
              assertThat(f.evidence()).noneMatch(l -> l.contains("sidecar"));
            });
  }

  @Test
  void ready_container_restarted_by_its_liveness_probe_is_found() {
    var pod =
        withStatuses(
            withProbes(), new ContainerStatusBuilder(healthy("app")).withRestartCount(3).build());
    var events =
        List.of(
            unhealthy(
                "Liveness probe failed: dial tcp 10.1.2.3:8080: connect: connection refused",
                "spec.containers{app}"));

    var findings = analyzer.analyze(facts(List.of(pod), events, NO_LOGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.summary())
                    .startsWith(
                        "is restarted by its liveness probe: nothing listens on port http"
                            + " (connection refused)"));
  }

  static Stream<Arguments> fine() {
    return Stream.of(
        Arguments.of("ready", withStatuses(withProbes(), healthy("app"))),
        Arguments.of("just started, no failures yet", notReady(Duration.ofSeconds(20), 0)),
        Arguments.of(
            "pending pod",
            new PodBuilder(notReady(Duration.ofMinutes(30), 0))
                .editStatus()
                .withPhase("Pending")
                .endStatus()
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fine")
  void no_finding_for_ready_or_starting_containers(String name, Pod pod) {
    assertThat(analyzer.analyze(facts(List.of(pod), List.of(), NO_LOGS))).isEmpty();
  }
}
