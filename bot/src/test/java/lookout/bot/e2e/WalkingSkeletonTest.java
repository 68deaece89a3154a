package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance, as a chat transcript against the whole app on its embedded default. */
class WalkingSkeletonTest {
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;

  @BeforeAll
  static void start() throws Exception {
    lookout = TestLookout.start(dataDir);
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  private static String restartedAt() {
    KubernetesClient k8s = lookout.lookout().cluster("sandbox");
    var annotations =
        k8s.apps()
            .deployments()
            .inNamespace("staging")
            .withName("checkout")
            .get()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
  }

  @Test
  void diagnosis_names_the_crash_and_shows_the_log_lines() throws Exception {
    String thread = chat.say("alice", "@lookout why is checkout failing in staging?");

    JsonNode answer = chat.awaitBot(thread, m -> true);

    assertThat(summary(answer)).contains("CrashLoopBackOff");
    assertThat(text(answer)).containsIgnoringCase("checkout");
    assertThat(answer.path("parts").toString()).contains("\"type\":\"code\"");
  }

  @Test
  void restart_needs_another_approver_and_runs_once() throws Exception {
    String thread = chat.say("alice", "restart checkout in staging");
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    String cardId = card.path("id").asText();
    String approve = button(card, "Approve");
    assertThat(summary(card)).contains("restart deployment staging/checkout");

    var own = chat.click("alice", cardId, approve);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body().path("accepted").asBoolean()).isFalse();
    assertThat(own.body().path("notice").asText()).containsIgnoringCase("you requested");

    var outsider = chat.click("mallory", cardId, approve);
    assertThat(outsider.body().path("accepted").asBoolean()).isFalse();
    assertThat(outsider.body().path("notice").asText()).contains("console:mallory");
    assertThat(restartedAt()).isNull();

    var bob = chat.click("bob", cardId, approve);
    assertThat(bob.body().path("accepted").asBoolean()).isTrue();

    JsonNode done =
        chat.awaitBot(
            thread, m -> m.path("id").asText().equals(cardId) && summary(m).startsWith("Done"));
    assertThat(text(done)).contains("console:bob");
    String first = restartedAt();
    assertThat(first).isNotNull();

    var replay = chat.click("bob", cardId, approve);
    assertThat(replay.status()).isEqualTo(409);
    assertThat(restartedAt()).isEqualTo(first);
  }

  @Test
  void malformed_json_is_a_clear_400_and_nothing_is_posted() throws Exception {
    int before = chat.messages().size();

    var r = chat.post("/api/console/messages", "{\"user\": \"alice\", \"text\": ");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().path("error").asText()).containsIgnoringCase("json");
    assertThat(chat.messages()).hasSize(before);
  }

  @Test
  void knowledge_search_over_http_finds_runbooks_and_rejects_bad_parameters() throws Exception {
    var ok = chat.get("/api/knowledge/search?q=pod%20crash%20looping&limit=2");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("KubePodCrashLooping.md");

    assertThat(chat.get("/api/knowledge/search?q=").statusCode()).isEqualTo(400);
    assertThat(chat.get("/api/knowledge/search?q=x&limit=500").body()).contains("limit");
    assertThat(chat.get("/api/knowledge/search?q=x&kind=poem").body()).contains("kind");
    assertThat(chat.get("/api/knowledge/search?q=%22(%3A*").statusCode()).isEqualTo(200);
  }

  @Test
  void have_we_seen_it_before_finds_the_past_incident() throws Exception {
    String thread = chat.say("carol", "have we seen OOMKilled on order-service before?");

    JsonNode answer = chat.awaitBot(thread, m -> true);

    assertThat(text(answer)).contains("order-service OOMKilled during the month-end report export");
  }

  @Test
  void health_readiness_and_metrics_answer() throws Exception {
    assertThat(chat.get("/healthz").statusCode()).isEqualTo(200);
    var ready = chat.get("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"cluster\":true", "\"database\":true", "\"knowledge\":true");
    chat.say("carol", "help");
    String metrics = chat.get("/metrics").body();
    assertThat(metrics)
        .contains("lookout_questions_total", "jvm_memory_used_bytes", "vertx_http_server_requests");
  }
}
