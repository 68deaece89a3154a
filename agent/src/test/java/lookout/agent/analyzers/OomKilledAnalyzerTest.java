package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.crashLooping;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.facts;
import static lookout.agent.analyzers.Fixtures.healthy;
import static lookout.agent.analyzers.Fixtures.withStatuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OomKilledAnalyzerTest {

  private static PodBuilder withMemory(String limit, String request) {
    var pod = deploymentPod("staging", "checkout", "7d9f8", "a1");
    var resources = pod.editSpec().editFirstContainer().withNewResources();
    if (limit != null) {
      resources.withLimits(Map.of("memory", new Quantity(limit)));
    }
    if (request != null) {
      resources.withRequests(Map.of("memory", new Quantity(request)));
    }
    return resources.endResources().endContainer().endSpec();
  }

  static Stream<Arguments> oomKilled() {
    return Stream.of(
        Arguments.of(
            "limit and request",
            "256Mi",
            "128Mi",
            null,
            "keeps getting OOMKilled: container app — it needs more than its memory limit 256Mi; 4 restarts",
            "memory: limit 256Mi, request 128Mi, usage unknown",
            "hint: raise the memory limit of app above 256Mi (e.g. to 384Mi), or find what grows"
                + " (heap settings, caches, leaks)"),
        Arguments.of(
            "usage known",
            "1Gi",
            null,
            (UsageSource) (ns, pod, c) -> OptionalLong.of(1000L * 1024 * 1024),
            "keeps getting OOMKilled: container app — it needs more than its memory limit 1Gi; 4 restarts",
            "memory: limit 1Gi, request none, peak usage 1000Mi (98% of limit)",
            "hint: raise the memory limit of app above 1Gi (e.g. to 1536Mi), or find what grows"
                + " (heap settings, caches, leaks)"),
        Arguments.of(
            "no limit",
            null,
            null,
            null,
            "keeps getting OOMKilled: container app — it has no memory limit and the node ran out of memory; 4 restarts",
            "memory: limit none, request none, usage unknown",
            "hint: container app has no memory limit, so the node ran out of memory; set"
                + " requests/limits and check node pressure"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oomKilled")
  void oom_killed_container_reports_limit_usage_and_a_hint(
      String name,
      String limit,
      String request,
      UsageSource usage,
      String summary,
      String memory,
      String hint) {
    // given
    var pod = withStatuses(withMemory(limit, request), crashLooping("app", 137, "OOMKilled", 4));

    // when
    var findings =
        new OomKilledAnalyzer(CLOCK, usage).analyze(facts(List.of(pod), List.of(), NO_LOGS));

    // then
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.CRITICAL);
              assertThat(f.analyzer()).isEqualTo("OOMKilled");
              assertThat(f.summary()).isEqualTo(summary);
              assertThat(f.evidence())
                  .contains(
                      "pod staging/checkout-7d9f8-a1 container app: last terminated OOMKilled"
                          + " exit=137 (1m ago) restarts=4",
                      memory);
              assertThat(f.fixes()).containsExactly(hint.substring("hint: ".length()));
              assertThat(f.suggestions()).isEmpty();
            });
  }

  @Test
  void a_usage_source_that_throws_still_gives_the_finding() {
    var pod = withStatuses(withMemory("256Mi", null), crashLooping("app", 137, "OOMKilled", 1));
    UsageSource broken =
        (ns, p, c) -> {
          throw new IllegalStateException("prometheus down");
        };

    var findings =
        new OomKilledAnalyzer(CLOCK, broken).analyze(facts(List.of(pod), List.of(), NO_LOGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .contains("memory: limit 256Mi, request none, usage unknown"));
  }

  @Test
  void healthy_and_plainly_crashing_containers_are_not_oom() {
    var pods =
        List.of(
            withStatuses(withMemory("256Mi", null), healthy("app")),
            withStatuses(
                deploymentPod("staging", "web", "7d9f8", "b2"),
                crashLooping("app", 137, "Error", 3)));

    assertThat(new OomKilledAnalyzer().analyze(facts(pods, List.of(), NO_LOGS))).isEmpty();
  }
}
