package lookout.agent.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.inspect.CheckupAgent;
import lookout.agent.inspect.InspectionHistory;
import lookout.agent.inspect.Inspector;
import lookout.agent.inspect.ReportWriter;
import lookout.agent.sandbox.RecordingApiServer;
import lookout.approvals.RestartDeployment;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two clusters, as people talk about them: {@code sandbox} (the default; namespaces web and batch)
 * and {@code scenarios} (namespaces shop, staging, …), each its own mock API server. Both hold a
 * deployment called frontend; only scenarios holds shop/payment-api.
 */
class SeveralClustersTest {
  static RecordingApiServer sandbox;
  static RecordingApiServer scenarios;
  static Agent agent;

  @BeforeAll
  static void start() {
    sandbox = RecordingApiServer.start("/lookout/agent/chain/web-world.yaml");
    scenarios = RecordingApiServer.start("/lookout/agent/resolve/shop-world.yaml");
    agent =
        AgentBuilder.over(
                Map.of("sandbox", sandbox.client(), "scenarios", scenarios.client()), "sandbox")
            .channels(Map.of("slack:C0123", "scenarios"))
            .build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    scenarios.close();
  }

  static Answer ask(String text) {
    return agent.ask(new Question(text, "console:alice"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          why is payment-api failing in shop on scenarios?  | [scenarios] | deployment shop/payment-api
          why is frontend failing in scenarios?             | [scenarios] | deployment shop/frontend
          why is frontend failing on scenarios?             | [scenarios] | deployment shop/frontend
          is frontend broken in the scenarios cluster?      | [scenarios] | deployment shop/frontend
          scenarios cluster: why is frontend down?          | [scenarios] | deployment shop/frontend
          @scenarios why is frontend failing?               | [scenarios] | deployment shop/frontend
          在 scenarios 集群 frontend 为什么起不来                | [scenarios] | deployment shop/frontend
          scenarios 上的 frontend 为什么挂了                    | [scenarios] | deployment shop/frontend
          scenarios 集群里的 frontend 怎么了                     | [scenarios] | deployment shop/frontend
          why is frontend failing on sandbox?               | [sandbox]   | deployment web/frontend
          frontend in the sandbox cluster, what's wrong?    | [sandbox]   | deployment web/frontend
          @sandbox frontend 为什么挂了                          | [sandbox]   | deployment web/frontend
          在 sandbox 集群 frontend 怎么了                       | [sandbox]   | deployment web/frontend
          sandbox 上的 frontend 有问题吗                        | [sandbox]   | deployment web/frontend
          """)
  void a_named_cluster_answers_and_the_answer_names_it(
      String question, String cluster, String ref) {
    Answer answer = ask(question);
    assertThat(answer.summary()).as(answer.toString()).startsWith(cluster).contains(ref);
  }

  @Test
  void an_unqualified_question_is_answered_by_the_cluster_that_holds_its_workload() {
    Answer answer = ask("why is payment-api failing in shop?");

    assertThat(answer.summary())
        .startsWith("[scenarios] Not in cluster sandbox; found in cluster scenarios.")
        .contains("deployment shop/payment-api");
  }

  @Test
  void a_name_in_the_default_cluster_is_answered_there_with_a_button_for_the_other() {
    Answer answer = ask("why is frontend failing?");

    assertThat(answer.summary()).startsWith("[sandbox]").contains("deployment web/frontend");
    assertThat(answer.choices())
        .extracting(Answer.Choice::label, Answer.Choice::question)
        .contains(Tuple.tuple("on scenarios", "why is frontend failing on scenarios?"));
  }

  @Test
  void a_name_two_other_clusters_hold_is_asked_back_with_one_button_per_cluster() {
    try (RecordingApiServer mirror =
        RecordingApiServer.start("/lookout/agent/resolve/shop-world.yaml")) {
      Agent three =
          AgentBuilder.over(
                  Map.of(
                      "sandbox",
                      sandbox.client(),
                      "scenarios",
                      scenarios.client(),
                      "mirror",
                      mirror.client()),
                  "sandbox")
              .build();

      Answer answer = three.ask(new Question("why is payment-api failing in shop?", "c:a"));

      assertThat(answer.summary())
          .isEqualTo("That is in several clusters: mirror, scenarios — which cluster?");
      assertThat(answer.choices())
          .extracting(Answer.Choice::label, Answer.Choice::question)
          .containsExactly(
              Tuple.tuple("mirror", "why is payment-api failing in shop on mirror?"),
              Tuple.tuple("scenarios", "why is payment-api failing in shop on scenarios?"));
      Answer pressed = three.ask(new Question(answer.choices().get(1).question(), "c:b"));
      assertThat(pressed.summary())
          .startsWith("[scenarios]")
          .contains("deployment shop/payment-api");
    }
  }

  @Test
  void a_channel_with_a_cluster_asks_that_cluster() {
    Answer answer =
        agent.ask(new Question("why is frontend failing?", "slack:U1", null, "slack:C0123"));
    Answer named =
        agent.ask(
            new Question("why is frontend failing on sandbox?", "slack:U1", null, "slack:C0123"));

    assertThat(answer.summary()).startsWith("[scenarios]").contains("deployment shop/frontend");
    assertThat(named.summary()).startsWith("[sandbox]").contains("deployment web/frontend");
  }

  @Test
  void a_follow_up_in_the_thread_stays_in_the_cluster_answered_before() {
    String thread = "console:lobby:7";
    agent.ask(new Question("why is frontend failing on scenarios?", "console:alice", thread));

    Answer logs = agent.ask(new Question("logs?", "console:alice", thread));

    assertThat(logs.summary()).startsWith("[scenarios]").contains("shop/frontend");
  }

  @Test
  void choices_of_an_answer_ask_their_question_in_its_cluster() {
    Answer answer = ask("why is reviews failing on scenarios?");

    assertThat(answer.choices())
        .extracting(Answer.Choice::question)
        .containsExactly(
            "diagnose deployment shop/reviews on scenarios",
            "diagnose deployment staging/reviews on scenarios");
  }

  @Test
  void all_clusters_are_asked_at_once_each_part_headed_by_its_cluster() {
    Answer answer = ask("what's broken in all clusters?");
    Answer chinese = ask("所有集群有什么问题吗");

    assertThat(answer.summary())
        .startsWith("2 clusters: [sandbox]")
        .contains("[scenarios]")
        .contains("need attention");
    assertThat(chinese.summary()).startsWith("2 clusters: [sandbox]").contains("[scenarios]");
  }

  @Test
  void check_ups_inspect_the_named_cluster_or_every_cluster() {
    Map<String, CheckupAgent.Checkups> checkups = new LinkedHashMap<>();
    Map.of("sandbox", sandbox.client(), "scenarios", scenarios.client())
        .forEach(
            (name, client) -> {
              ClusterReader reader = new ClusterReader(client);
              checkups.put(
                  name,
                  new CheckupAgent.Checkups(
                      reader,
                      new Inspector(name, reader, Analyzers.all(), null, Clock.systemUTC()),
                      null));
            });
    Agent withCheckups =
        AgentBuilder.over(
                Map.of("sandbox", sandbox.client(), "scenarios", scenarios.client()), "sandbox")
            .checkups(checkups, InspectionHistory.NONE, ReportWriter.NONE)
            .build();

    Answer one = withCheckups.ask(new Question("巡检 scenarios 集群", "c:a"));
    Answer all = withCheckups.ask(new Question("inspect all clusters", "c:a"));

    assertThat(one.summary()).startsWith("[scenarios] Check-up of scenarios");
    assertThat(all.summary()).startsWith("2 clusters: [sandbox]").contains("[scenarios]");
    assertThat(all.sections()).anyMatch(s -> s.heading().startsWith("scenarios · "));
  }

  @Test
  void a_restart_named_on_a_cluster_is_requested_on_that_cluster() {
    Answer answer = ask("restart frontend in shop on scenarios");

    assertThat(answer.requested()).contains(new RestartDeployment("scenarios", "shop", "frontend"));
    assertThat(answer.summary()).startsWith("[scenarios]");
  }

  @Test
  void a_stopped_or_silent_cluster_is_named_and_the_others_answer_within_the_bound()
      throws IOException {
    RecordingApiServer server = RecordingApiServer.start("/lookout/agent/chain/web-world.yaml");
    String url = server.client().getConfiguration().getMasterUrl();
    server.close();
    try (BlackHole silent = new BlackHole();
        KubernetesClient stopped = clientOf(url)) {
      Map<String, KubernetesClient> clients = new LinkedHashMap<>();
      clients.put("sandbox", sandbox.client());
      clients.put("scenarios", scenarios.client());
      clients.put("stopped", stopped);
      clients.put("silent", silent.client());
      Agent withDown =
          AgentBuilder.over(clients, "sandbox").clusterTimeout(Duration.ofSeconds(1)).build();

      long start = System.nanoTime();
      Answer answer = withDown.ask(new Question("why is payment-api failing in shop?", "c:a"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer.summary())
          .startsWith("[scenarios] Not in cluster sandbox; found in cluster scenarios.")
          .contains("deployment shop/payment-api")
          .contains("silent did not answer in 1 s")
          .contains("could not reach cluster stopped");
      assertThat(took).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void a_named_cluster_that_does_not_answer_says_so_within_the_bound() throws IOException {
    try (BlackHole silent = new BlackHole()) {
      Agent withSilent =
          AgentBuilder.over(
                  Map.of("sandbox", sandbox.client(), "silent", silent.client()), "sandbox")
              .clusterTimeout(Duration.ofSeconds(1))
              .build();

      long start = System.nanoTime();
      Answer answer = withSilent.ask(new Question("why is cart failing on silent?", "c:a"));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer.summary()).contains("silent did not answer in");
      assertThat(took).isLessThan(Duration.ofSeconds(8));
    }
  }

  static KubernetesClient clientOf(String url) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url)
            .withRequestRetryBackoffLimit(0)
            .withHttp2Disable(true)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** An API server that accepts connections and never answers. */
  static final class BlackHole implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;
    private final KubernetesClient client;

    BlackHole() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        Socket s = socket.accept();
                        synchronized (accepted) {
                          accepted.add(s);
                        }
                      }
                    } catch (IOException closed) {
                      // closed by the test
                    }
                  });
      client = clientOf("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    KubernetesClient client() {
      return client;
    }

    @Override
    public void close() throws IOException {
      client.close();
      socket.close();
      acceptor.interrupt();
      synchronized (accepted) {
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }
}
