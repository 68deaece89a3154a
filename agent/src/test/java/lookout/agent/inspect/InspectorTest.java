package lookout.agent.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.Finding;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Check-ups of the sandbox cluster and how consecutive reports compare. */
class InspectorTest {
  SandboxCluster sandbox;
  Inspector inspector;

  @BeforeEach
  void start() {
    sandbox = SandboxCluster.start();
    inspector =
        new Inspector(
            "sandbox",
            new ClusterReader(sandbox.client()),
            Analyzers.all(),
            null,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void a_check_up_of_the_whole_sandbox_finds_every_seeded_problem_once() {
    InspectionReport report = inspector.inspect(null);

    assertThat(report.findings())
        .extracting(Finding::analyzer)
        .contains("CrashLoopBackOff", "OOMKilled", "ImagePullBackOff", "NodePressure");
    List<String> keys = report.findings().stream().map(FindingKey::of).toList();
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(keys.stream().filter(k -> k.startsWith("NodePressure"))).hasSize(1);
    assertThat(report.notes()).anyMatch(n -> n.contains("no metrics configured"));
    assertThat(report.findings().getFirst().severity()).isEqualTo(Finding.Severity.CRITICAL);
  }

  @Test
  void a_namespace_check_up_stays_in_that_namespace() {
    InspectionReport report = inspector.inspect("staging");

    assertThat(report.scope()).isEqualTo("sandbox/staging");
    assertThat(report.findings())
        .filteredOn(f -> f.subject().startsWith("pod "))
        .allMatch(f -> f.subject().startsWith("pod staging/"));
  }

  @Test
  void the_second_report_says_what_is_new_what_persists_and_what_was_resolved() {
    InspectionReport first = inspector.inspect("prod");
    Comparison c1 = Comparison.of(first, Optional.empty());
    assertThat(c1.added()).isNotEmpty();
    assertThat(InspectionAnswers.headline(c1)).contains(first.findings().size() + " finding");

    // Someone fixes order-service by deleting it; a rollout gets stuck elsewhere.
    sandbox.client().apps().deployments().inNamespace("prod").withName("order-service").delete();
    sandbox.client().pods().inNamespace("prod").withLabel("app", "order-service").delete();
    sandbox
        .client()
        .apps()
        .deployments()
        .inNamespace("prod")
        .resource(stuck("prod", "frontend-v2"))
        .create();

    InspectionReport second = inspector.inspect("prod");
    Comparison c2 = Comparison.of(second, Optional.of(c1.snapshot()));

    assertThat(c2.resolved()).anyMatch(s -> s.subject().contains("order-service"));
    assertThat(c2.added()).extracting(Finding::analyzer).containsExactly("Rollout");
    assertThat(c2.persisting()).isNotEmpty();
    assertThat(c2.persisting()).allMatch(p -> p.since().equals(first.at()));
    Answer details = InspectionAnswers.details(c2);
    assertThat(details.sections().getFirst().heading()).contains("deployment prod/frontend-v2");
    assertThat(details.sections())
        .anyMatch(
            s ->
                s.heading().startsWith("Still open") && s.lines().size() == c2.persisting().size());
    assertThat(InspectionAnswers.headline(c2)).contains("1 new", "still open", "resolved");
  }

  @Test
  void persisting_findings_keep_their_first_seen_time_across_many_reports() {
    Comparison c1 = Comparison.of(inspector.inspect("staging"), Optional.empty());
    Snapshot s1 = c1.snapshot();
    Snapshot older =
        new Snapshot(
            s1.scope(),
            s1.at(),
            s1.findings().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> e.getKey(),
                        e ->
                            new Snapshot.Seen(
                                e.getValue().subject(),
                                e.getValue().summary(),
                                Instant.parse("2026-01-01T00:00:00Z")))));
    Comparison c2 = Comparison.of(inspector.inspect("staging"), Optional.of(older));

    assertThat(c2.added()).isEmpty();
    assertThat(c2.snapshot().findings().values())
        .allMatch(s -> s.since().equals(Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(InspectionAnswers.root(c2).sections().getFirst().lines())
        .allMatch(l -> l.startsWith("still open since"));
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment stuck(String ns, String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName(name)
        .withImage("registry.example/" + name + ":2.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(2)
        .withUpdatedReplicas(1)
        .withAvailableReplicas(1)
        .withReadyReplicas(1)
        .addNewCondition()
        .withType("Progressing")
        .withStatus("False")
        .withReason("ProgressDeadlineExceeded")
        .endCondition()
        .endStatus()
        .build();
  }
}
