package lookout.agent.loki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.LogTail;
import lookout.agent.grammar.RuleCommandParser;
import lookout.agent.offline.OfflineAgent;
import lookout.agent.remote.HttpEndpoint;
import lookout.agent.sandbox.ScenarioApiServer;
import lookout.agent.tools.AgentTools;
import lookout.agent.tools.Proposals;
import lookout.testing.FakeLoki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The question an alert analysis asks, about a deployment whose crashing pod is gone (deleted and
 * replaced, or evicted): the API server has no log for it, Loki does, and its crash lines reach the
 * answer.
 */
class GonePodLogsTest {
  static final Instant NOW = Instant.now();
  static final String CRASH = "panic: dial tcp 10.0.4.12:5432: connect: connection refused";

  final FakeLoki loki = FakeLoki.start().multiTenant();
  ScenarioApiServer api;

  @AfterEach
  void stop() {
    loki.close();
    if (api != null) {
      api.close();
    }
  }

  OfflineAgent agent(List<HasMetadata> objects) {
    api = ScenarioApiServer.start(objects, Map.of());
    LokiClient client =
        new LokiClient(
            new LokiEndpoint(HttpEndpoint.of(URI.create(loki.url())), Optional.of("team-a")));
    return new OfflineAgent(
            "prod", api.client(), new RuleCommandParser(), Analyzers.all(), null, null)
        .withLogArchive(new LokiLogs(client, Clock.systemUTC()));
  }

  void logged(String pod, String... lines) {
    for (int i = 0; i < lines.length; i++) {
      loki.push(
          "team-a",
          Map.of("namespace", "shop", "pod", pod, "container", "app"),
          NOW.minusSeconds(600 - i),
          lines[i]);
    }
  }

  @Test
  void a_deleted_pods_crash_lines_come_from_loki_into_the_answer() {
    logged(
        "checkout-7d9f8c6b5d-q9w8e",
        "starting checkout on :8080",
        "ERROR pool: cannot open postgres://app:hunter2hunter2@10.0.4.12:5432/shop",
        CRASH);
    logged("checkout-7d9f8c6b5d-abcde", "ready"); // the replacement: the API server has its log
    OfflineAgent agent = agent(List.of(deployment(), running("checkout-7d9f8c6b5d-abcde")));

    Answer answer = agent.ask(new Question("why is checkout failing in shop?", "test"));

    assertThat(answer.summary())
        .contains("pod checkout-7d9f8c6b5d-q9w8e, no longer in the cluster, logged: " + CRASH);
    assertThat(answer.sections())
        .anySatisfy(
            s -> {
              assertThat(s.heading())
                  .isEqualTo(
                      "Log · pod checkout-7d9f8c6b5d-q9w8e (no longer in the cluster; its log from"
                          + " Loki at "
                          + loki.url()
                          + ")");
              assertThat(s.lines()).contains(CRASH).doesNotContain("ready");
              assertThat(s.lines())
                  .contains(
                      "ERROR pool: cannot open postgres://app:[REDACTED]@10.0.4.12:5432/shop");
            });
    var query = loki.requests().getLast();
    assertThat(query.headers()).containsEntry("x-scope-orgid", "team-a");
    assertThat(query.params().get("query"))
        .isEqualTo("{namespace=\"shop\", pod=~`checkout-[a-z0-9]{6,10}-[a-z0-9]{5}`}");
  }

  @Test
  void an_evicted_pods_last_lines_come_from_loki_though_its_pod_object_remains() {
    logged(
        "checkout-7d9f8c6b5d-x2k4p",
        "cache warmed: 1.9Gi",
        "java.lang.OutOfMemoryError: Java heap space");
    OfflineAgent agent =
        agent(
            List.of(
                deployment(),
                running("checkout-7d9f8c6b5d-abcde"),
                evicted("checkout-7d9f8c6b5d-x2k4p")));

    Answer answer = agent.ask(new Question("why is checkout failing in shop?", "test"));

    assertThat(answer.sections())
        .anySatisfy(
            s -> {
              assertThat(s.heading()).startsWith("Log · pod checkout-7d9f8c6b5d-x2k4p");
              assertThat(s.lines()).contains("java.lang.OutOfMemoryError: Java heap space");
            });
  }

  @Test
  void loki_down_is_named_and_the_answer_still_comes() {
    loki.failNext(502, "<html>502 Bad Gateway</html>");
    OfflineAgent agent = agent(List.of(deployment(), running("checkout-7d9f8c6b5d-abcde")));

    Answer answer = agent.ask(new Question("why is checkout failing in shop?", "test"));

    assertThat(answer.sections())
        .anySatisfy(
            s ->
                assertThat(s.lines())
                    .anySatisfy(
                        l ->
                            assertThat(l)
                                .contains("logs of gone pods: Loki at " + loki.url())
                                .contains("(HTTP 502): <html>502 Bad Gateway</html>")));
  }

  @Test
  void the_log_of_a_pod_the_api_server_does_not_know_is_read_from_loki() {
    logged("checkout-7d9f8c6b5d-q9w8e", "starting", CRASH);
    api = ScenarioApiServer.start(List.of(deployment()), Map.of());
    ClusterReader reader = new ClusterReader(api.client());
    LokiClient client =
        new LokiClient(
            new LokiEndpoint(HttpEndpoint.of(URI.create(loki.url())), Optional.of("team-a")));
    assertThat(
            reader.logs().read("shop", "checkout-7d9f8c6b5d-q9w8e", null, false, 50).unavailable())
        .isEqualTo("pod shop/checkout-7d9f8c6b5d-q9w8e not found");

    reader.logs().useArchive(new LokiLogs(client, Clock.systemUTC()));
    LogTail tail = reader.logs().read("shop", "checkout-7d9f8c6b5d-q9w8e", null, false, 50);

    assertThat(tail.lines()).containsExactly("starting", CRASH);
    assertThat(tail.from()).isEqualTo("Loki at " + loki.url());
    assertThat(loki.requests().getLast().params().get("query"))
        .isEqualTo("{namespace=\"shop\", pod=\"checkout-7d9f8c6b5d-q9w8e\"}");
  }

  @Test
  void investigate_for_the_model_carries_gone_pods_error_lines_and_the_toolbox_offers_loki_query() {
    logged("checkout-7d9f8c6b5d-q9w8e", "starting", CRASH);
    api =
        ScenarioApiServer.start(
            List.of(deployment(), running("checkout-7d9f8c6b5d-abcde")), Map.of());
    LokiClient client =
        new LokiClient(
            new LokiEndpoint(HttpEndpoint.of(URI.create(loki.url())), Optional.of("team-a")));
    AgentTools tools =
        new AgentTools("prod", api.client(), Analyzers.all(), null, null, Clock.systemUTC())
            .with(client, Clock.systemUTC());

    assertThat(tools.investigator().investigate("shop", "checkout"))
        .contains(
            "LOG ERRORS OF GONE PODS:\npod checkout-7d9f8c6b5d-q9w8e (no longer in the cluster;"
                + " its log from Loki at "
                + loki.url()
                + "):\n")
        .contains(CRASH);
    assertThat(tools.toolbox(new Proposals()).specifications())
        .extracting(ToolSpecification::name)
        .contains("loki_query", "investigate");
  }

  @Test
  void a_failed_jobs_cleaned_up_pod_is_read_from_loki() {
    logged(
        "nightly-report-x7k2p",
        "exporting 1200 orders",
        "ERROR: relation \"orders_2026\" does not exist");
    OfflineAgent agent = agent(List.of(failedJob()));

    Answer answer = agent.ask(new Question("why is nightly-report failing in shop?", "test"));

    assertThat(answer.sections())
        .anySatisfy(
            s -> {
              assertThat(s.heading()).startsWith("Log · pod nightly-report-x7k2p");
              assertThat(s.lines()).contains("ERROR: relation \"orders_2026\" does not exist");
            });
  }

  @Test
  void with_nothing_in_loki_the_answer_is_what_it_was() {
    OfflineAgent agent = agent(List.of(deployment(), running("checkout-7d9f8c6b5d-abcde")));

    Answer answer = agent.ask(new Question("why is checkout failing in shop?", "test"));

    assertThat(answer.summary()).doesNotContain("no longer in the cluster");
    assertThat(answer.sections()).noneSatisfy(s -> assertThat(s.heading()).contains("Loki"));
  }

  static HasMetadata deployment() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("checkout")
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", "checkout")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "checkout")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop/checkout:1.4")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReplicas(1)
        .withReadyReplicas(1)
        .withAvailableReplicas(1)
        .withUpdatedReplicas(1)
        .endStatus()
        .build();
  }

  static HasMetadata failedJob() {
    return new JobBuilder()
        .withNewMetadata()
        .withName("nightly-report")
        .withNamespace("shop")
        .withCreationTimestamp(NOW.minusSeconds(1800).toString())
        .endMetadata()
        .withNewSpec()
        .withBackoffLimit(2)
        .withNewTemplate()
        .withNewSpec()
        .withRestartPolicy("Never")
        .addNewContainer()
        .withName("report")
        .withImage("shop/report:2.0")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withFailed(3)
        .withStartTime(NOW.minusSeconds(1800).toString())
        .addNewCondition()
        .withType("Failed")
        .withStatus("True")
        .withReason("BackoffLimitExceeded")
        .withMessage("Job has reached the specified backoff limit")
        .endCondition()
        .endStatus()
        .build();
  }

  static PodBuilder pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .addToLabels("app", "checkout")
        .withCreationTimestamp(NOW.minusSeconds(300).toString())
        .endMetadata()
        .withNewSpec()
        .withNodeName("node-1")
        .addNewContainer()
        .withName("app")
        .withImage("shop/checkout:1.4")
        .endContainer()
        .endSpec();
  }

  static Pod running(String name) {
    return pod(name)
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .endCondition()
        .addNewContainerStatus()
        .withName("app")
        .withReady(true)
        .withRestartCount(0)
        .withNewState()
        .withNewRunning()
        .withStartedAt(NOW.minusSeconds(290).toString())
        .endRunning()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  static Pod evicted(String name) {
    return pod(name)
        .withNewStatus()
        .withPhase("Failed")
        .withReason("Evicted")
        .withMessage(
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: 85432Ki."
                + " Container app was using 2918400Ki, request is 512Mi, has larger consumption"
                + " of memory.")
        .endStatus()
        .build();
  }
}
