package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.sandbox.RecordingApiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Questions as people type them, resolved against a cluster that is not the sandbox: the answer is
 * about the object the question means, whatever the phrasing, language, spacing or typo.
 */
class UnderstandingTest {
  static RecordingApiServer api;
  static OfflineAgent agent;

  @BeforeAll
  static void start() {
    api = RecordingApiServer.start("/lookout/agent/resolve/shop-world.yaml");
    agent = new OfflineAgent("test", api.client(), new RuleCommandParser(), Analyzers.all(), null);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static Answer ask(String text) {
    return agent.ask(new Question(text, "console:alice"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          frontend in shop is not starting, what's wrong?   | deployment shop/frontend
          why were log-shipper pods evicted in shop?        | daemonset shop/log-shipper
          did the db-backup job in shop work?               | cronjob shop/db-backup
          shop 下的 reviews 访问不了                           | service shop/reviews
          user-profile 之前重启过，现在正常吗？                 | deployment shop/user-profile
          why is payment api failing                        | deployment shop/payment-api
          paymnet-api in shop is down                       | deployment shop/payment-api
          Payment_API 挂了                                   | deployment shop/payment-api
          is node worker-3 ok?                              | node worker-3
          worker-3 节点怎么了                                  | node worker-3
          data-mysql-0 为什么 pending                         | persistentvolumeclaim shop/data-mysql-0
          shop 的 mysql 怎么样                                | statefulset shop/mysql
          why is frontend-5d8f7c9b4-zzzzz crashing          | deployment shop/frontend
          定时任务 db-backup 跑成功了吗                         | cronjob shop/db-backup
          why did job db-backup-28934567 fail               | job shop/db-backup-28934567
          is the frontend hpa at max?                       | horizontalpodautoscaler shop/frontend
          grafana 有问题吗                                    | deployment monitoring/kube-prometheus-stack-grafana
          订单服务挂了                                          | deployment shop/order-service
          shop 的订单服务为什么不可用                              | deployment shop/order-service
          what's up with the orders service?                | deployment shop/order-service
          checkout-7d9f8c6b5d in staging is stuck            | deployment staging/checkout
          why is checkout failing in stagng                 | deployment staging/checkout
          """)
  void the_answer_is_about_the_object_the_question_means(String question, String ref) {
    Answer answer = ask(question);
    assertThat(answer.summary()).as(answer.toString()).contains(ref);
    assertThat(answer.requested()).isEmpty();
  }

  @Test
  void the_same_name_in_two_namespaces_is_asked_back_with_one_choice_each() {
    Answer answer = ask("why is reviews failing?");
    assertThat(answer.summary()).isEqualTo("reviews exists in shop and staging — which namespace?");
    assertThat(answer.choices())
        .extracting(Answer.Choice::label, Answer.Choice::question)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "deployment shop/reviews", "diagnose deployment shop/reviews"),
            org.assertj.core.groups.Tuple.tuple(
                "deployment staging/reviews", "diagnose deployment staging/reviews"));
  }

  @Test
  void it_and_logs_in_the_same_thread_mean_the_object_asked_about_before() {
    agent.ask(new Question("diagnose deployment shop/reviews", "console:alice", "console:lobby:1"));

    Answer logs = agent.ask(new Question("logs?", "console:alice", "console:lobby:1"));
    Answer again = agent.ask(new Question("why did it restart?", "console:bob", "console:lobby:1"));
    Answer elsewhere =
        agent.ask(new Question("why did it restart?", "console:bob", "console:lobby:2"));

    assertThat(logs.summary()).contains("shop/reviews");
    assertThat(again.summary()).contains("deployment shop/reviews");
    assertThat(elsewhere.summary()).doesNotContain("shop/reviews");
  }

  @Test
  void a_chosen_follow_up_names_its_object_exactly() {
    Answer answer = ask("diagnose deployment staging/reviews");
    assertThat(answer.summary()).contains("deployment staging/reviews");
    assertThat(answer.choices()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"what's broken?", "集群有什么问题吗", "anything broken right now?", "有啥问题"})
  void a_question_naming_nothing_gets_what_needs_attention(String question) {
    Answer answer = ask(question);
    assertThat(answer.summary()).contains("need attention in cluster test");
    assertThat(answer.sections().get(0).lines())
        .anyMatch(l -> l.startsWith("deployment shop/frontend — 0/2 ready"))
        .anyMatch(l -> l.startsWith("node worker-3 — NotReady"))
        .anyMatch(l -> l.startsWith("job shop/db-backup-28934567 — failed: BackoffLimitExceeded"))
        .anyMatch(l -> l.startsWith("persistentvolumeclaim shop/data-mysql-0 — Pending"));
    assertThat(answer.choices()).isNotEmpty().allMatch(c -> c.question().startsWith("diagnose "));
  }

  @Test
  void a_namespace_question_is_answered_for_the_namespace() {
    Answer answer = ask("anything wrong in prod?");
    assertThat(answer.summary()).contains("namespace prod");
  }

  @Test
  void a_name_that_exists_nowhere_says_where_it_looked_and_the_nearest_names() {
    Answer answer = ask("why is payments-gateway failing in shop?");
    assertThat(answer.summary())
        .startsWith("Not found: nothing named payments-gateway in namespace shop of cluster test.");
    assertThat(answer.sections().get(0).lines())
        .anyMatch(l -> l.startsWith("Kinds: namespaces, nodes, deployments"))
        .contains("Namespaces: shop.");
  }

  @Test
  void an_unknown_namespace_lists_the_real_ones() {
    Answer answer = ask("why is everything failing in qa?");
    // said, and then answered as the question that names nothing it turned out to be
    assertThat(answer.summary())
        .startsWith(
            "There is no namespace qa in cluster test. Namespaces: default, monitoring, prod, shop, staging. ")
        .contains("need attention in cluster test");
  }

  @Test
  void an_unknown_namespace_does_not_stop_an_answer_about_what_exists_and_is_said() {
    Answer answer = ask("why is frontend failing in qa?");
    assertThat(answer.summary())
        .startsWith("deployment shop/frontend")
        .endsWith("(There is no namespace qa.)");
  }

  @Test
  void a_question_naming_nothing_gets_the_overview_without_not_understood() {
    Answer answer = ask("@lookout anything on fire?");
    assertThat(answer.summary()).doesNotContain("did not understand").contains("attention");
  }

  @Test
  void a_request_to_restart_that_names_no_workload_says_so_and_requests_nothing() {
    Answer answer = ask("restart it");
    assertThat(answer.summary()).contains("as a request to restart", "nothing was requested");
    assertThat(answer.requested()).isEmpty();
  }
}
