package lookout.agent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The services behind the tools, without any model, against the sandbox cluster. */
class ToolsTest {
  static SandboxCluster sandbox;
  static AgentTools tools;
  static ClusterService cluster;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    tools =
        new AgentTools(
            "sandbox",
            sandbox.client(),
            Analyzers.all(),
            null,
            new SandboxMetrics(sandbox.client()),
            Clock.systemUTC());
    cluster =
        new ClusterService("sandbox", new lookout.agent.cluster.ClusterReader(sandbox.client()));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void problem_pods_are_not_hidden_behind_many_healthy_namespaces_that_sort_first() {
    try (SandboxCluster crowded = SandboxCluster.start()) {
      for (int i = 0; i < 25; i++) {
        crowded
            .client()
            .namespaces()
            .resource(
                new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata()
                    .withName(String.format("aaa-%02d", i))
                    .endMetadata()
                    .build())
            .create();
      }
      AgentTools many =
          new AgentTools(
              "sandbox",
              crowded.client(),
              Analyzers.all(),
              null,
              new SandboxMetrics(crowded.client()),
              Clock.systemUTC());

      String problems = many.investigator().problems(null);

      assertThat(problems).contains("CRITICAL pod staging/", "CRITICAL pod prod/");
    }
  }

  @Test
  void investigate_order_service_carries_the_oom_facts_and_the_forecast() {
    String bundle = tools.investigator().investigate("prod", "order-service");

    assertThat(bundle)
        .contains("TARGET deployment prod/order-service", "OOMKilled", "exit 137", "limits=")
        .contains("memory 1h", "rising", "memory reaches its limit 256Mi within 4h")
        .contains("FINDINGS", "BROKEN: deployment prod/order-service keeps getting OOMKilled");
    assertThat(bundle.getBytes(StandardCharsets.UTF_8).length).isLessThan(6_000);
  }

  @Test
  void investigate_without_a_namespace_finds_the_workload_or_asks_which() {
    assertThat(tools.investigator().investigate(null, "order-service"))
        .startsWith("TARGET deployment prod/order-service");
    assertThat(tools.investigator().investigate(null, "checkout"))
        .startsWith(
            "AMBIGUOUS: checkout matches [deployment prod/checkout, deployment staging/checkout]");
    assertThat(tools.investigator().investigate(null, "no-such-thing")).startsWith("NOT_FOUND");
  }

  @Test
  void a_pod_name_resolves_to_its_workload() {
    assertThat(tools.investigator().investigate("staging", "checkout-7d9f8c6b5d-x2k4p"))
        .startsWith("TARGET deployment staging/checkout");
  }

  @Test
  void problem_pods_lists_the_broken_workloads_of_the_sandbox() {
    assertThat(tools.investigator().problems(null))
        .contains("checkout", "order-service")
        .doesNotContain("INFO");
  }

  @Test
  void logs_can_be_read_as_error_lines_only_from_the_previous_instance() {
    String errors = cluster.logs("staging", "checkout", null, true, true);
    assertThat(errors)
        .contains("error lines only", "DATABASE_URL is not set")
        .doesNotContain("Spring Boot ::");
  }

  @Test
  void env_var_values_never_appear_in_a_pod_description_only_names() {
    String pod = cluster.describePod("staging", "checkout-7d9f8c6b5d-x2k4p");
    assertThat(pod)
        .contains("env=DATABASE_URL,JAVA_TOOL_OPTIONS")
        .doesNotContain("MaxRAMPercentage");
  }

  @Test
  void a_result_over_budget_is_cut_at_a_line_with_a_note_how_to_narrow() {
    String text =
        String.join("\n", IntStream.range(0, 500).mapToObj(i -> "pod-" + i + " Running").toList());

    String cut = Budget.cut(text, 1_000, "namespace");

    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000);
    assertThat(cut)
        .endsWith("— narrow by namespace")
        .contains("more lines cut (budget 1000 bytes)");
    assertThat(cut.lines().toList().get(cut.lines().toList().size() - 2))
        .matches("pod-\\d+ Running");
  }

  @Test
  void a_log_over_budget_keeps_its_newest_lines_and_the_crash_at_its_end() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("log of staging/checkout-1 container app, last lines, repeats folded");
    for (int i = 0; i < 130; i++) {
      lines.add(
          String.format(
              "2026-12-06T20:%02d:%02d.123Z level=info msg=\"GET /api/v1/items/%05d\" status=200"
                  + " duration=12.5ms trace=0123456789abcdef0123456789abcdef",
              i / 60, i % 60, i));
    }
    lines.add("2026-12-06T20:59:59.999Z level=fatal msg=\"panic: runtime error: nil map write\"");

    String kept = Budget.keepTail(String.join("\n", lines), 5_000, "errorsOnly=true");

    assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(5_000);
    assertThat(kept.lines().findFirst()).hasValue(lines.get(0));
    assertThat(kept).endsWith("panic: runtime error: nil map write\"");
    assertThat(kept).contains("older lines cut (budget 5000 bytes) — narrow by errorsOnly=true");
    assertThat(kept).contains("items/00129").doesNotContain("items/00000");
  }

  @Test
  void repeated_log_lines_fold_into_one_with_a_count() {
    assertThat(
            Folding.fold(
                List.of(
                    "10:00:01 retry 1 failed",
                    "10:00:02 retry 2 failed",
                    "10:00:03 retry 3 failed",
                    "giving up")))
        .containsExactly("(×3) 10:00:03 retry 3 failed", "giving up");
  }

  @Test
  void proposals_are_checked_and_capped() {
    Proposals p = new Proposals();
    ActionService actions = new ActionService(cluster);

    assertThat(actions.proposeScale("staging", "checkout", 500, p)).startsWith("REFUSED");
    assertThat(actions.proposeRestart("staging", "checkout", p)).startsWith("APPROVAL_REQUIRED");
    assertThat(actions.proposeScale("staging", "checkout", 1, p)).startsWith("NO_CHANGE");
    assertThat(p.actions()).hasSize(1);
  }
}
