package lookout.agent.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Clues;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.Reading;
import lookout.agent.grammar.RuleCommandParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resolution on its own, against a hand-made inventory: no cluster, every rule visible. */
class ResolverTest {
  static final Inventory INVENTORY =
      inventory(
          "Namespace - shop",
          "Namespace - staging",
          "Namespace - prod",
          "Namespace - payments",
          "Node - worker-1",
          "Node - worker-3",
          "Deployment shop payment-api",
          "Service shop payment-api",
          "HorizontalPodAutoscaler shop payment-api",
          "Deployment shop api",
          "Deployment shop reviews",
          "Service shop reviews",
          "Deployment staging reviews",
          "Deployment payments payments",
          "DaemonSet shop log-shipper",
          "CronJob shop db-backup",
          "Job shop db-backup-28934567",
          "StatefulSet shop mysql",
          "Pod shop mysql-1",
          "PersistentVolumeClaim shop data-mysql-0",
          "Deployment monitoring kube-prometheus-stack-grafana",
          "Deployment shop order-service",
          "Pod shop reviews-6b7c8d9f5-kq2wz",
          "Namespace - data",
          "StatefulSet data clickhouse",
          "PersistentVolumeClaim data data-clickhouse-0",
          "PersistentVolumeClaim data data-clickhouse-1",
          "PersistentVolumeClaim data data-clickhouse-2",
          "Namespace - ingress-nginx",
          "Deployment ingress-nginx ingress-nginx-controller",
          "Service ingress-nginx ingress-nginx-controller-admission",
          "Namespace - backup",
          "CronJob backup restic-backup",
          "Job backup restic-backup-29942040",
          "Deployment shop image-resizer",
          "Service shop image-resizer",
          "Deployment shop kyc-gateway",
          "Deployment shop kyc-portal",
          "Deployment platform telemetry-ingest runs=tag:sha-8e1d4f7,tag:8e1d4f7",
          "Namespace - billing",
          "Deployment billing billing-gateway",
          "Namespace - retail",
          "Deployment retail pricing",
          "Service retail pricing-api",
          "Namespace - docs",
          "Deployment docs pdf-export",
          "Node - wk-02",
          "Deployment shop usercenter-api",
          "Namespace - streaming",
          "StatefulSet streaming events-kafka",
          "PersistentVolumeClaim streaming data-events-kafka-1",
          "PersistentVolumeClaim streaming data-events-kafka-2",
          "Namespace - logging",
          "DaemonSet logging node-logs runs=fluent-bit,tag:2.1.8,fluent-bit-config",
          "Namespace - orders-db",
          "Namespace - platform",
          "StatefulSet orders-db pg runs=postgres,tag:15.4,bitnami-pg",
          "Deployment platform rate-limiter runs=rate-limiter,tag:2.0.0",
          "Deployment platform rate-limiter-old runs=rate-limiter,tag:1.9.4");

  static Inventory inventory(String... rows) {
    List<Inventory.Entry> entries = new ArrayList<>();
    List<String> namespaces = new ArrayList<>();
    for (String row : rows) {
      String[] r = row.split(" ");
      String ns = r[1].equals("-") ? null : r[1];
      List<String> runs =
          r.length > 3 && r[3].startsWith("runs=")
              ? List.of(r[3].substring("runs=".length()).split(","))
              : List.of();
      entries.add(new Inventory.Entry(new ObjectRef(r[0], ns, r[2]), null, List.of(), runs));
      if (r[0].equals("Namespace")) {
        namespaces.add(r[2]);
      }
    }
    namespaces.add("monitoring");
    return new Inventory(
        entries,
        namespaces.stream().sorted().toList(),
        List.of("Deployment"),
        Map.of(),
        Instant.EPOCH);
  }

  static Target resolve(String question) {
    Reading reading = new RuleCommandParser().read(question);
    String ns = null;
    String name = null;
    if (reading.command() instanceof Command.Diagnose d) {
      ns = d.namespace();
      name = d.name();
    } else if (reading.command() instanceof Command.Status s) {
      ns = s.namespace();
      name = s.name();
    } else if (reading.command() instanceof Command.Logs l) {
      ns = l.namespace();
      name = l.name();
    }
    return new Resolver().resolve(INVENTORY, reading.clues(), ns, name);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          why is payment api failing                | deployment shop/payment-api
          PAYMENT_API down?                         | deployment shop/payment-api
          paymnet-api is slow                       | deployment shop/payment-api
          payment-api 访问不了                         | service shop/payment-api
          svc payment-api has no endpoints          | service shop/payment-api
          is the payment-api hpa maxed out          | horizontalpodautoscaler shop/payment-api
          shop 下的 api 怎么了                          | deployment shop/api
          log-shipper pods evicted                  | daemonset shop/log-shipper
          did db-backup run last night?             | cronjob shop/db-backup
          job db-backup-28934567 failed             | job shop/db-backup-28934567
          db-backup-28934567-x7k2p crashed          | job shop/db-backup-28934567
          reviews-6b7c8d9f5-kq2wz restarting        | pod shop/reviews-6b7c8d9f5-kq2wz
          reviews-6b7c8d9f5-zzzzz in shop is gone   | deployment shop/reviews
          reviews in shop is slow                   | deployment shop/reviews
          shop/reviews                              | deployment shop/reviews
          reviews -n staging                        | deployment staging/reviews
          staging 的 reviews                         | deployment staging/reviews
          mysql在shop里起不来                          | statefulset shop/mysql
          data-mysql-0 pending                      | persistentvolumeclaim shop/data-mysql-0
          worker-3 节点 NotReady                     | node worker-3
          grafana 打不开                                | deployment monitoring/kube-prometheus-stack-grafana
          订单服务挂了                                   | deployment shop/order-service
          payments in payments is down              | deployment payments/payments
          why is api failing in shpo                | deployment shop/api
          shop/api has 0 pods?? looked fine in CI   | deployment shop/api
          api 为什么起不来，日志停在 migration            | deployment shop/api
          why is api failing in qa                  | deployment shop/api
          data/clickhouse statefulset stuck at 2/3  | statefulset data/clickhouse
          clickhouse 有状态 卡住了                       | statefulset data/clickhouse
          ingress nginx 装完一直 Pending 是啥原因         | deployment ingress-nginx/ingress-nginx-controller
          did the backup run last night?            | cronjob backup/restic-backup
          backup 昨晚跑了没                             | cronjob backup/restic-backup
          mysql 少了一个 mysql-1 怎么了                   | pod shop/mysql-1
          retail 的 pricing api 连不上 pod 明明都是 running 的 | service retail/pricing-api
          pdf-export evicted on wk-02?              | deployment docs/pdf-export
          usercentre broken? 登录不了                  | deployment shop/usercenter-api
          streaming 里 kafka 2/3 怎么回事               | statefulset streaming/events-kafka
          logging 的 fluent bit 一直 CrashLoopBackOff  | daemonset logging/node-logs
          orders-db 的 postgres 1/3 为什么              | statefulset orders-db/pg
          限流服务 2.0.0 上不去 为啥                        | deployment platform/rate-limiter
          8e1d4f7 这个版本为啥没起来                      | deployment platform/telemetry-ingest
          why did tonights db-backup job fail       | cronjob shop/db-backup
          restic job failed last night in backup    | cronjob backup/restic-backup
          reviews 好好的 为什么 payment-api 一直 502       | service shop/payment-api
          mysql is fine but why does order-service fail | deployment shop/order-service
          image-resizer-xxx stuck Pending           | deployment shop/image-resizer
          image-resizer-5d4 卡住 说 Multi-Attach       | deployment shop/image-resizer
          """)
  void the_object_meant(String question, String expected) {
    assertThat(resolve(question))
        .isInstanceOfSatisfying(
            Target.One.class, one -> assertThat(one.ref()).hasToString(expected));
  }

  @ParameterizedTest(name = "{0} → missing {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          clearing house 服务挂了吗 | clearing-house
          clearinghouse 状态咋样    | clearinghouse
          why is kyc service down    | kyc-service
          kycservice in shop?        | kycservice
          why is billing worker down | billing-worker
          billing worker 挂了 看下 | billing-worker
          """)
  void the_latin_words_of_a_chinese_question_that_name_nothing_are_not_found(
      String question, String wanted) {
    assertThat(resolve(question))
        .isInstanceOfSatisfying(
            Target.Missing.class, m -> assertThat(m.wanted()).isEqualTo(wanted));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          集群 cpu 很高 怎么回事
          节点 notready 了 怎么办
          which node has disk pressure
          """)
  void questions_without_a_name_name_nothing(String question) {
    assertThat(resolve(question)).isInstanceOf(Target.Nothing.class);
  }

  @Test
  void
      a_service_name_written_with_a_space_that_names_nothing_is_not_found_and_no_node_is_offered() {
    assertThat(resolve("why is refund worker down"))
        .isInstanceOfSatisfying(
            Target.Missing.class,
            m -> {
              assertThat(m.wanted()).isEqualTo("refund-worker");
              assertThat(m.nearest()).noneMatch(r -> r.kind().equals("Node"));
            });
  }

  @Test
  void an_object_found_only_by_a_part_of_its_name_says_which_words_matched() {
    assertThat(resolve("grafana 打不开"))
        .isInstanceOfSatisfying(
            Target.One.class, one -> assertThat(one.partOf()).isEqualTo("grafana"));
    assertThat(resolve("why is payment api failing"))
        .isInstanceOfSatisfying(Target.One.class, one -> assertThat(one.partOf()).isNull());
    assertThat(resolve("paymnet-api is slow"))
        .isInstanceOfSatisfying(Target.One.class, one -> assertThat(one.partOf()).isNull());
  }

  @Test
  void the_same_name_in_two_namespaces_is_several() {
    assertThat(resolve("why is reviews failing"))
        .isInstanceOfSatisfying(
            Target.Several.class,
            s ->
                assertThat(s.refs())
                    .extracting(ObjectRef::toString)
                    .containsExactly("deployment shop/reviews", "deployment staging/reviews"));
  }

  @Test
  void a_namespace_alone_is_a_scope() {
    assertThat(resolve("anything wrong in staging?")).isEqualTo(new Target.Scope("staging"));
    assertThat(resolve("staging 有问题吗")).isEqualTo(new Target.Scope("staging"));
  }

  @Test
  void a_question_that_names_nothing_is_nothing() {
    assertThat(resolve("what's broken?")).isEqualTo(new Target.Nothing());
    assertThat(resolve("集群有什么问题吗")).isEqualTo(new Target.Nothing());
    assertThat(resolve("did it work?")).isEqualTo(new Target.Nothing());
  }

  @Test
  void a_marked_namespace_that_does_not_exist_is_said_so_when_nothing_else_resolves() {
    assertThat(resolve("why is everything failing in qa"))
        .isInstanceOfSatisfying(
            Target.NoNamespace.class, n -> assertThat(n.namespace()).isEqualTo("qa"));
  }

  @Test
  void an_unknown_marked_namespace_does_not_stop_what_the_rest_names() {
    assertThat(resolve("why is reviews failing in qa")).isInstanceOf(Target.Several.class);
  }

  @Test
  void a_namespace_alone_is_a_scope_unless_runs_are_asked_about_its_one_cronjob() {
    assertThat(resolve("anything wrong in backup?"))
        .isEqualTo(new Target.One(new ObjectRef("CronJob", "backup", "restic-backup")));
    assertThat(resolve("is ingress-nginx healthy?"))
        .isEqualTo(
            new Target.One(
                new ObjectRef("Deployment", "ingress-nginx", "ingress-nginx-controller")));
  }

  @Test
  void an_object_in_another_namespace_than_the_marked_one_is_missing_there() {
    assertThat(resolve("why is log-shipper failing in staging"))
        .isInstanceOfSatisfying(
            Target.Missing.class,
            m -> {
              assertThat(m.namespace()).isEqualTo("staging");
              assertThat(m.nearest())
                  .extracting(ObjectRef::toString)
                  .contains("daemonset shop/log-shipper");
            });
  }

  @Test
  void a_name_like_word_that_matches_nothing_is_missing_with_the_nearest_names() {
    assertThat(resolve("why is payment-gateway failing"))
        .isInstanceOfSatisfying(
            Target.Missing.class,
            m -> {
              assertThat(m.wanted()).isEqualTo("payment-gateway");
              assertThat(m.namespace()).isNull();
            });
  }

  @Test
  void clues_of_nothing_resolve_to_nothing() {
    assertThat(new Resolver().resolve(INVENTORY, Clues.none(""), null, null))
        .isEqualTo(new Target.Nothing());
  }
}
