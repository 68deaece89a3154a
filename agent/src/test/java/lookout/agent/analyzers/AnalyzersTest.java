package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static lookout.agent.analyzers.Fixtures.NO_LOGS;
import static lookout.agent.analyzers.Fixtures.crashLooping;
import static lookout.agent.analyzers.Fixtures.deploymentPod;
import static lookout.agent.analyzers.Fixtures.facts;
import static lookout.agent.analyzers.Fixtures.healthy;
import static lookout.agent.analyzers.Fixtures.withStatuses;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzersTest {

  @Test
  void standard_set_finds_each_problem_once_and_sorts_by_severity() {
    // given a namespace with a pending pod, an OOMKilled pod, a crash-looping pod and a healthy one
    Pod pending =
        deploymentPod("staging", "batch", "7d9f8", "p1")
            .editStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withMessage("0/1 nodes are available")
            .endCondition()
            .endStatus()
            .build();
    List<Pod> pods =
        List.of(
            pending,
            withStatuses(
                deploymentPod("staging", "cart", "7d9f8", "o1"),
                crashLooping("app", 137, "OOMKilled", 3)),
            withStatuses(
                deploymentPod("staging", "checkout", "7d9f8", "c1"),
                crashLooping("app", 1, "Error", 5)),
            withStatuses(deploymentPod("staging", "web", "7d9f8", "w1"), healthy("app")));
    Analyzer all = Analyzers.combined(Analyzers.all(CLOCK, null));

    // when
    List<Finding> findings = all.analyze(facts(pods, List.of(), NO_LOGS));

    // then
    assertThat(findings)
        .extracting(Finding::analyzer, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("OOMKilled", Finding.Severity.CRITICAL),
            org.assertj.core.groups.Tuple.tuple("CrashLoopBackOff", Finding.Severity.CRITICAL),
            org.assertj.core.groups.Tuple.tuple("Pending", Finding.Severity.WARNING));
  }

  @Test
  void healthy_namespace_has_no_findings() {
    var pods = List.of(withStatuses(deploymentPod("prod", "web", "7d9f8", "w1"), healthy("app")));
    var node =
        new NodeBuilder()
            .withNewMetadata()
            .withName("n1")
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();

    var findings = Analyzers.standard().analyze(facts(pods, List.of(), List.of(), List.of(node)));

    assertThat(findings).isEmpty();
  }

  @Test
  void an_analyzer_that_throws_becomes_an_info_finding_and_others_still_run() {
    Analyzer broken =
        facts -> {
          throw new IllegalStateException("bug");
        };
    Analyzer crash = new CrashLoopBackOffAnalyzer(CLOCK);
    var pod =
        withStatuses(
            deploymentPod("staging", "checkout", "7d9f8", "c1"),
            crashLooping("app", 1, "Error", 5));

    var findings =
        Analyzers.combined(List.of(broken, crash)).analyze(facts(List.of(pod), List.of(), NO_LOGS));

    assertThat(findings)
        .extracting(Finding::severity)
        .containsExactly(Finding.Severity.CRITICAL, Finding.Severity.INFO);
    assertThat(findings.getLast().summary()).contains("failed").contains("bug");
  }

  @Test
  void huge_messages_and_logs_never_make_an_evidence_line_longer_than_the_cap() {
    // given a crash-looping pod whose termination message, log and waiting reason are enormous
    String huge = "E".repeat(20_000) + "\n{\"json\": true}";
    var status =
        new ContainerStatusBuilder(crashLooping("app", 1, "Error", 5))
            .editLastState()
            .editTerminated()
            .withMessage(huge)
            .endTerminated()
            .endLastState()
            .build();
    Pod pod =
        new PodBuilder(withStatuses(deploymentPod("staging", "checkout", "7d9f8", "c1"), status))
            .build();
    LogSource logs = (ns, p, c, previous, lines) -> List.of("ERROR " + huge, "panic: " + huge);

    // when
    var findings =
        Analyzers.standard()
            .analyze(new ClusterFacts("dev", List.of(pod), List.of(), List.of(), List.of(), logs));

    // then
    assertThat(findings)
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.summary().length()).isLessThanOrEqualTo(Finding.Builder.MAX_SUMMARY);
              assertThat(f.evidence())
                  .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Evidence.MAX_LINE));
            });
  }

  @Test
  void facts_without_a_log_source_still_analyze() {
    var pod =
        withStatuses(
            deploymentPod("staging", "checkout", "7d9f8", "c1"),
            crashLooping("app", 1, "Error", 5));

    var findings =
        Analyzers.standard()
            .analyze(new ClusterFacts(null, List.of(pod), List.of(), List.of(), List.of(), null));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.evidence()).contains("log: not available (no log source)");
              assertThat(f.suggestions()).isEmpty(); // no cluster name, no action
            });
  }
}
