package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.sandbox.SandboxCluster;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transcripts against the sandbox with the real grammar and analyzers. */
class OfflineAgentTest {
  static SandboxCluster sandbox;
  static OfflineAgent agent;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    agent =
        OfflineAgent.create(
            Map.of("sandbox", sandbox.client()),
            "sandbox",
            new RuleCommandParser(),
            Analyzers.all(),
            null);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static Answer ask(String text) {
    Answer answer = agent.ask(new Question(text, "console:alice"));
    assertThat(answer.degraded()).as("offline answers are degraded").isTrue();
    return answer;
  }

  static List<String> lines(Answer answer, boolean code) {
    return answer.sections().stream()
        .filter(s -> s.code() == code)
        .flatMap(s -> s.lines().stream())
        .toList();
  }

  @Test
  void why_is_checkout_failing_in_staging_shows_the_crash() {
    Answer answer = ask("why is checkout failing in staging?");
    assertThat(answer.summary()).contains("CrashLoopBackOff", "staging/checkout");
    assertThat(lines(answer, true))
        .anyMatch(l -> l.contains("IllegalStateException: DATABASE_URL is not set"));
    assertThat(answer.requested()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          看看 prod 的 order-service 为什么重启   | OOMKilled
          why is search failing                  | ImagePullBackOff
          what's wrong with ledger-db            | ledger-db
          why is inventory failing in prod       | readiness probe
          """)
  void each_seeded_failure_is_diagnosed(String question, String expected) {
    Answer answer = ask(question);
    assertThat(answer.summary()).contains(expected);
    assertThat(answer.sections()).isNotEmpty();
  }

  @Test
  void name_in_two_namespaces_is_asked_back_without_any_action() {
    Answer answer = ask("why is checkout failing?");
    // asked back, and the one copy in trouble says why at once
    assertThat(answer.summary())
        .isEqualTo(
            "checkout exists in prod and staging — which namespace? Only deployment"
                + " staging/checkout is in trouble.");
    assertThat(answer.sections())
        .anySatisfy(s -> assertThat(s.heading()).isEqualTo("Of these, in trouble now"));
    assertThat(answer.requested()).isEmpty();
    assertThat(answer.suggestions()).isEmpty();
  }

  @Test
  void restart_is_requested_for_approval_and_never_executed() {
    Answer answer = ask("restart checkout in staging");
    assertThat(answer.summary())
        .isEqualTo("Restart of deployment staging/checkout needs approval.");
    assertThat(answer.requested())
        .contains(new RestartDeployment("sandbox", "staging", "checkout"));
    Deployment d = client().apps().deployments().inNamespace("staging").withName("checkout").get();
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void scale_is_requested_for_approval_and_never_executed() {
    Answer answer = ask("scale frontend to 5 in prod");
    assertThat(answer.summary())
        .isEqualTo("Scaling deployment prod/frontend from 3 to 5 replicas needs approval.");
    assertThat(answer.requested())
        .contains(new ScaleWorkload("sandbox", "prod", "Deployment", "frontend", 5));
    assertThat(
            client()
                .apps()
                .deployments()
                .inNamespace("prod")
                .withName("frontend")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void restart_of_a_statefulset_is_refused_with_the_reason() {
    Answer answer = ask("restart ledger-db in staging");
    assertThat(answer.summary()).contains("deployments only", "statefulset");
    assertThat(answer.requested()).isEmpty();
  }

  @Test
  void status_of_a_workload_lists_its_pods() {
    Answer answer = ask("status of checkout in staging");
    assertThat(answer.summary()).startsWith("deployment staging/checkout: 0/1 ready");
    assertThat(lines(answer, false))
        .anyMatch(l -> l.startsWith("checkout-7d9f8c6b5d-x2k4p CrashLoopBackOff"));
  }

  @Test
  void status_of_a_namespace_puts_problems_first() {
    Answer answer = ask("status of prod");
    assertThat(answer.summary()).startsWith("namespace prod: 6 workloads, 2 with problems");
    assertThat(answer.sections().get(0).lines().get(0)).containsAnyOf("order-service", "inventory");
  }

  @Test
  void logs_of_a_crash_looping_pod_show_its_last_run_as_code() {
    Answer answer = ask("logs of checkout in staging");
    assertThat(answer.summary()).contains("pod is CrashLoopBackOff");
    assertThat(answer.sections())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.code()).isTrue();
              assertThat(s.lines())
                  .hasSizeLessThanOrEqualTo(30)
                  .anyMatch(l -> l.contains("DATABASE_URL is not set"));
            });
  }

  @Test
  void logs_of_a_pod_that_cannot_start_say_why() {
    Answer answer = ask("logs of search-6c8f9d7b4-q7wzn in staging");
    assertThat(answer.summary()).contains("No logs", "trying and failing to pull image");
  }

  @Test
  void misspelt_name_is_read_as_the_name_it_is_close_to() {
    Answer answer = ask("what's wrong with chekout");
    assertThat(answer.summary())
        .startsWith("checkout exists in prod and staging — which namespace?");
    assertThat(answer.choices())
        .extracting(Answer.Choice::question)
        .containsExactly(
            "diagnose deployment prod/checkout", "diagnose deployment staging/checkout");
  }

  @Test
  void a_name_that_exists_nowhere_says_where_it_looked_and_what_is_near() {
    Answer answer = ask("why is checkout-v2 failing?");
    assertThat(answer.summary())
        .startsWith("Not found: nothing named checkout-v2 in any namespace of cluster sandbox.")
        .contains("deployment prod/checkout", "deployment staging/checkout");
    assertThat(lines(answer, false))
        .anyMatch(
            l -> l.startsWith("Kinds: ") && l.contains("deployments") && l.contains("cronjobs"))
        .contains("Namespaces: default, prod, staging.");
    assertThat(answer.requested()).isEmpty();
  }

  @Test
  void unknown_namespace_lists_the_real_ones() {
    Answer answer = ask("status of everything in qa");
    assertThat(answer.summary())
        .startsWith(
            "There is no namespace qa in cluster sandbox. Namespaces: default, prod, staging. ")
        .contains("cluster sandbox: 3 nodes");
    assertThat(ask("status of checkout in qa").summary())
        .startsWith("checkout exists in prod and staging")
        .endsWith("(There is no namespace qa.)");
  }

  @Test
  void healthy_workload_is_called_healthy_with_its_status() {
    Answer answer = ask("why is frontend failing in prod");
    assertThat(answer.summary()).startsWith("deployment prod/frontend looks healthy: 3/3 ready");
    assertThat(lines(answer, false)).anyMatch(l -> l.startsWith("frontend-"));
  }

  @ParameterizedTest
  @CsvSource({"help, English", "帮助, 中文"})
  void help_lists_commands_in_english_and_chinese(String question, String heading) {
    Answer answer = ask(question);
    assertThat(answer.sections()).extracting(Answer.Section::heading).contains("English", "中文");
    assertThat(answer.sections()).extracting(Answer.Section::heading).contains(heading);
  }

  @Test
  void unreadable_request_gets_help() {
    Answer answer = ask("bake me a cake");
    assertThat(answer.summary()).startsWith("I did not understand \"bake me a cake\"");
    assertThat(answer.sections()).isNotEmpty();
  }

  static KubernetesClient client() {
    return sandbox.client();
  }
}
