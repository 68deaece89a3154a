package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lookout.bot.db.Database;
import lookout.bot.wiring.LookoutServer;
import lookout.knowledge.SearchRequest;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentStore;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alert thread where people act: alice asks for a restart in the thread, bob approves the card
 * in the thread, the alert resolves — and the incident says what was done, by whom, approved by
 * whom, and how it ended. {@code /metrics} counts the alert traffic.
 */
class AlertIncidentActionsTest {
  static final String TOKEN = "alerts-test-token-" + Long.toHexString(System.nanoTime());
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    lookout = TestLookout.start(dataDir, "alerts:\n  token: " + TOKEN + "\n");
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  static ObjectNode sample(String groupKey) throws Exception {
    ObjectNode n =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("../docs/examples/alertmanager-crashloop.json")));
    n.put("groupKey", groupKey);
    return n;
  }

  static HttpResponse<String> alertmanager(ObjectNode body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lookout.port() + "/alertmanager"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static List<JsonNode> alertsChannel() throws Exception {
    JsonNode body = JSON.readTree(chat.get("/api/console/messages?channel=alerts&since=0").body());
    List<JsonNode> out = new ArrayList<>();
    body.get("messages").forEach(out::add);
    return out;
  }

  static JsonNode await(Predicate<JsonNode> p) throws Exception {
    try {
      return Eventually.value(
          "a message in #alerts",
          Duration.ofSeconds(20),
          Duration.ofMillis(50),
          () -> alertsChannel().stream().filter(p).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no such message in #alerts; have: " + alertsChannel());
    }
  }

  static String firstButton(JsonNode message, String prefix) {
    for (JsonNode part : message.path("parts")) {
      for (JsonNode b : part.path("buttons")) {
        if (b.path("label").asText().startsWith(prefix)) {
          return b.path("token").asText();
        }
      }
    }
    throw new AssertionError("no button starting " + prefix + " on " + message);
  }

  static String summary(JsonNode m) {
    return m.path("summary").asText();
  }

  @Test
  void the_incident_lists_the_restart_requested_in_the_thread_and_who_approved_it()
      throws Exception {
    ObjectNode firing = sample("actions-test-group");
    assertThat(alertmanager(firing).statusCode()).isEqualTo(200);

    // 🔥 root, then 🔎 analysis in its thread. The crash is a missing DATABASE_URL, which a
    // restart does not fix, so the analysis offers no restart button; alice asks for one anyway.
    JsonNode root = await(m -> m.path("thread").isNull() && summary(m).contains("FIRING"));
    String thread = root.path("id").asText();
    JsonNode analysis =
        await(m -> thread.equals(m.path("thread").asText()) && summary(m).startsWith("🔎"));
    assertThat(analysis.toString()).doesNotContain("Request: Restart");
    var asked =
        chat.post(
            "/api/console/messages",
            JSON.writeValueAsString(
                java.util.Map.of(
                    "user", "alice",
                    "channel", "alerts",
                    "thread", thread,
                    "text", "restart checkout in staging")));
    assertThat(asked.status()).as(String.valueOf(asked.body())).isEqualTo(202);

    // The approval card lands in the alert thread.
    JsonNode card =
        await(
            m ->
                thread.equals(m.path("thread").asText())
                    && summary(m).startsWith("Approval needed"));
    assertThat(summary(card)).contains("restart deployment staging/checkout");

    // bob approves; the sandbox restarts checkout.
    String cardId = card.path("id").asText();
    assertThat(chat.click("bob", cardId, firstButton(card, "Approve")).status()).isEqualTo(200);
    await(m -> m.path("id").asText().equals(cardId) && summary(m).startsWith("Done"));

    // Alertmanager says it is over.
    ObjectNode resolved = firing.deepCopy();
    resolved.put("status", "resolved");
    ObjectNode alert = (ObjectNode) resolved.withArray("alerts").get(0);
    alert.put("status", "resolved");
    alert.put("endsAt", Instant.now().toString());
    assertThat(alertmanager(resolved).statusCode()).isEqualTo(200);
    await(m -> m.path("id").asText().equals(thread) && summary(m).contains("RESOLVED"));

    Incident incident = awaitIncident();
    assertThat(incident.resolution())
        .contains("Actions taken:")
        .contains("restart deployment staging/checkout: requested by console:alice at ")
        .contains("approved by console:bob at ")
        .contains("SUCCEEDED");

    // …and a knowledge search finds it by the approver alone: only its Actions section names bob.
    List<String> found =
        Eventually.value(
            "the incident to be found by its approver",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            () -> {
              List<String> ids =
                  lookout
                      .lookout()
                      .knowledge()
                      .search(
                          SearchRequest.of("console:bob")
                              .withKind("incident")
                              .withAlertName("KubePodCrashLooping")
                              .withLimit(10))
                      .hits()
                      .stream()
                      .filter(h -> h.id().contains(incident.id()))
                      .map(h -> h.id())
                      .toList();
              return ids.isEmpty() ? null : ids;
            });
    assertThat(found).as("incidents matching console:bob").isNotEmpty();
    assertThat(incident.analysis() + incident.timeline()).doesNotContain("bob");

    // /metrics counted the notifications, posts and analysis, and shows the lane's backlog.
    String metrics = chat.get("/metrics").body();
    assertThat(metrics)
        .contains("lookout_alert_notifications_total{result=\"accepted\"} 2.0")
        .contains("lookout_alert_posts_total{kind=\"root\",platform=\"console\"}")
        .contains("lookout_alert_posts_total{kind=\"analysis\",platform=\"console\"} 1.0")
        .contains("lookout_alert_analyses_total{outcome=\"posted\"} 1.0")
        .contains("lookout_alert_incidents_total{outcome=\"recorded\"} 1.0")
        .contains("lookout_alert_lane_backlog{destination=\"console:alerts\"}");
  }

  @Test
  void a_refused_notification_is_counted_by_result() throws Exception {
    var refused =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + lookout.port() + "/alertmanager"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(chat.get("/metrics").body())
        .contains("lookout_alert_notifications_total{result=\"unauthorized\"}");
  }

  static Incident awaitIncident() throws Exception {
    // The same SQLite file the app writes, read the way `lookout audit` reads its tables.
    try (Database db = Database.open(null, dataDir)) {
      IncidentStore store = new IncidentStore(db.dataSource());
      return Eventually.value(
          "an ALERT- incident to be recorded",
          Duration.ofSeconds(20),
          Duration.ofMillis(100),
          () ->
              store.all().stream()
                  .filter(i -> i.id().startsWith("ALERT-"))
                  .findFirst()
                  .orElse(null));
    }
  }
}
