package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.Finding;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.CommandParser;
import lookout.agent.sandbox.SandboxCluster;
import lookout.approvals.RestartDeployment;
import lookout.knowledge.Hit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The offline agent with tiny in-test parsers, analyzers and search: its own rules, isolated. */
class OfflineAgentFakesTest {
  static SandboxCluster sandbox;

  /** "diagnose ns/name" and "status ns/name"; anything else is unknown. */
  static final CommandParser PARSER =
      text -> {
        String[] words = text.split(" ");
        String[] target = words.length > 1 ? words[1].split("/") : new String[0];
        String ns = target.length == 2 ? target[0] : null;
        String name = target.length == 2 ? target[1] : target.length == 1 ? target[0] : null;
        return switch (words[0]) {
          case "diagnose" -> new Command.Diagnose(ns, name);
          case "status" -> new Command.Status(ns, name);
          default -> new Command.Unknown(text);
        };
      };

  /** Quotes the last line of the previous log of every restarted pod, and suggests a restart. */
  static final Analyzer CRASH_QUOTER =
      facts -> {
        List<Finding> out = new ArrayList<>();
        for (Pod pod : facts.pods()) {
          var status = pod.getStatus().getContainerStatuses();
          if (status.isEmpty() || status.get(0).getRestartCount() == 0) {
            continue;
          }
          String ns = pod.getMetadata().getNamespace();
          List<String> log =
              facts.logs().tail(ns, pod.getMetadata().getName(), status.get(0).getName(), true, 5);
          out.add(
              new Finding(
                  Finding.Severity.CRITICAL,
                  "Crash",
                  "pod " + pod.getMetadata().getName(),
                  "it crashed",
                  List.of("restarts: " + status.get(0).getRestartCount(), "log: " + log.getLast()),
                  List.of(new RestartDeployment(facts.cluster(), ns, "checkout"))));
        }
        return out;
      };

  static final Analyzer BROKEN =
      facts -> {
        throw new IllegalStateException("boom");
      };

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static OfflineAgent agent(List<Analyzer> analyzers, lookout.knowledge.Search search) {
    return new OfflineAgent("sandbox", sandbox.client(), PARSER, analyzers, search);
  }

  static Answer ask(OfflineAgent agent, String text) {
    return agent.ask(new Question(text, "test:bob"));
  }

  @Test
  void quoted_log_lines_become_a_code_section_and_the_rest_stays_prose() {
    Answer answer = ask(agent(List.of(CRASH_QUOTER), null), "diagnose staging/checkout");

    assertThat(answer.summary())
        .isEqualTo("deployment staging/checkout it crashed (Crash on 1/1 pod)");
    Answer.Section prose = answer.sections().get(0);
    assertThat(prose.code()).isFalse();
    assertThat(prose.lines()).contains("restarts: 7").noneMatch(l -> l.startsWith("log:"));
    Answer.Section log = answer.sections().get(1);
    assertThat(log.code()).isTrue();
    assertThat(log.lines()).singleElement().asString().contains("CheckoutApplication.main");
    assertThat(answer.suggestions())
        .containsExactly(new RestartDeployment("sandbox", "staging", "checkout"));
  }

  @Test
  void runbook_hits_follow_the_evidence() {
    List<String> queries = new ArrayList<>();
    lookout.knowledge.Search search =
        (query, limit) -> {
          queries.add(query);
          return List.of(
              new Hit(
                  "runbook",
                  "KubePodCrashLooping",
                  "Diagnosis",
                  "runbooks/kube.md#diagnosis",
                  "…",
                  3.2f),
              new Hit(
                  "incident", "Checkout down after config change", "", "incident/42", "…", 2.1f));
        };
    Answer answer = ask(agent(List.of(CRASH_QUOTER), search), "diagnose staging/checkout");

    assertThat(queries).singleElement().asString().contains("Crash", "it crashed");
    assertThat(answer.sections().getLast().lines())
        .containsExactly(
            "Runbook: KubePodCrashLooping › Diagnosis — runbooks/kube.md#diagnosis",
            "Incident: Checkout down after config change — incident/42");
  }

  @Test
  void a_failing_search_costs_only_the_runbooks() {
    lookout.knowledge.Search broken =
        (q, l) -> {
          throw new IllegalStateException("index is gone");
        };
    Answer answer = ask(agent(List.of(CRASH_QUOTER), broken), "diagnose staging/checkout");
    assertThat(answer.summary()).endsWith("it crashed (Crash on 1/1 pod)");
    assertThat(answer.sections()).noneMatch(s -> s.heading().equals(RunbookHits.HEADING));
  }

  @Test
  void a_throwing_analyzer_does_not_hide_the_others() {
    Answer answer = ask(agent(List.of(BROKEN, CRASH_QUOTER), null), "diagnose staging/checkout");
    assertThat(answer.summary()).endsWith("it crashed (Crash on 1/1 pod)");
    assertThat(answer.sections())
        .anySatisfy(s -> assertThat(s.lines()).anyMatch(l -> l.contains("failed")));
  }

  @Test
  void no_findings_means_healthy_with_the_current_status() {
    Answer answer = ask(agent(List.of(), null), "diagnose prod/cart");
    assertThat(answer.summary())
        .isEqualTo("deployment prod/cart looks healthy: 2/2 ready, no analyzer found a problem.");
    assertThat(answer.sections()).extracting(Answer.Section::heading).contains("Pods");
  }

  @Test
  void an_unreachable_cluster_is_an_answer_not_an_exception() {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:1/")
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(1000)
            .build();
    try (KubernetesClient down = new KubernetesClientBuilder().withConfig(config).build()) {
      OfflineAgent agent = new OfflineAgent("down", down, PARSER, List.of(), null);
      Answer answer = ask(agent, "status staging/checkout");
      assertThat(answer.summary()).startsWith("could not reach cluster down: ");
      assertThat(answer.degraded()).isTrue();
      assertThat(answer.requested()).isEmpty();
    }
  }

  @Test
  void a_throwing_parser_is_treated_as_not_understood() {
    CommandParser broken =
        text -> {
          throw new IllegalArgumentException("bad");
        };
    OfflineAgent agent = new OfflineAgent("sandbox", sandbox.client(), broken, List.of(), null);
    assertThat(ask(agent, "whatever").summary()).startsWith("I did not understand \"whatever\"");
  }

  @Test
  void create_refuses_a_default_cluster_it_does_not_know() {
    assertThatThrownBy(
            () ->
                OfflineAgent.create(
                    Map.of("sandbox", sandbox.client()), "prod-eu", PARSER, List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("default cluster 'prod-eu'")
        .hasMessageContaining("sandbox");
  }
}
