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
import java.util.List;
import java.util.function.Predicate;
import lookout.adapters.console.ConsoleMessage;
import lookout.bot.wiring.LookoutServer;
import lookout.knowledge.SearchRequest;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alertmanager's webhook against the whole app on its embedded default, posting the sample payload
 * the docs tell people to curl: one thread in the console's #alerts, edited rather than reposted,
 * resolved in place, and remembered as an incident.
 */
class AlertThreadsFlowTest {
  static final String TOKEN = "alerts-test-token-" + Long.toHexString(System.nanoTime());
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    lookout =
        TestLookout.start(
            dataDir,
            "alerts:\n  token: "
                + TOKEN
                + "\n  routes:\n    - match: 'severity=none'\n      drop: true\n");
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  static ObjectNode sample() throws Exception {
    return (ObjectNode)
        JSON.readTree(Files.readString(Path.of("../docs/examples/alertmanager-crashloop.json")));
  }

  static HttpResponse<String> post(String body, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lookout.port() + "/alertmanager"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<ConsoleMessage> alerts() {
    return lookout.console().since("alerts", 0).messages();
  }

  static ConsoleMessage await(Predicate<ConsoleMessage> p) throws InterruptedException {
    try {
      return Eventually.value(
          "a message in #alerts",
          Duration.ofSeconds(20),
          Duration.ofMillis(50),
          () -> alerts().stream().filter(p).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no such message in #alerts; have: " + alerts());
    }
  }

  @Test
  void a_crashloop_alert_becomes_one_thread_edited_in_place_and_an_incident_when_resolved()
      throws Exception {
    ObjectNode firing = sample();
    firing.put("groupKey", "flow-test-group");

    var first = post(firing.toString(), "Bearer " + TOKEN);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"result\":\"accepted\"").contains("console:alerts");

    ConsoleMessage root = await(m -> m.thread() == null && m.text().contains("FIRING"));
    assertThat(root.text()).contains("KubePodCrashLooping").contains("staging/checkout");
    ConsoleMessage analysis =
        await(m -> root.id().equals(m.thread()) && m.text().startsWith("🔎 Analysis"));
    String analysisText = String.valueOf(analysis.content());
    assertThat(analysisText)
        .contains("runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping")
        .contains("CrashLoopBackOff")
        .contains("DATABASE_URL is not set")
        // a restart does not bring a missing variable back: no button offers one
        .doesNotContain("Request: Restart");

    // Alertmanager repeats the same state: the root is edited, nothing new is posted.
    assertThat(post(firing.toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    await(m -> m.id().equals(root.id()) && m.version() > root.version());
    long roots = alerts().stream().filter(m -> m.thread() == null).count();
    // The lane finished the group's work (its edit and anything after it): nothing more comes.
    Eventually.until(
        "the alert lanes to be idle",
        Duration.ofSeconds(10),
        () -> lookout.lookout().alerts().orElseThrow().lanes().idle());
    assertThat(alerts().stream().filter(m -> m.thread() == null).count()).isEqualTo(roots);
    assertThat(alerts().stream().filter(m -> root.id().equals(m.thread())).count()).isEqualTo(1);

    ObjectNode resolved = firing.deepCopy();
    resolved.put("status", "resolved");
    ObjectNode alert = (ObjectNode) resolved.withArray("alerts").get(0);
    alert.put("status", "resolved");
    alert.put("endsAt", Instant.parse("2026-11-22T02:07:30Z").toString());
    assertThat(post(resolved.toString(), "Bearer " + TOKEN).statusCode()).isEqualTo(200);

    ConsoleMessage done = await(m -> m.id().equals(root.id()) && m.text().contains("RESOLVED"));
    assertThat(done.text()).contains("after 7m 30s");
    ConsoleMessage change =
        await(m -> root.id().equals(m.thread()) && m.text().startsWith("Update"));
    assertThat(change.text()).contains("1 resolved");

    List<String> titles =
        Eventually.value(
            "the incident to be searchable",
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            () -> {
              List<String> found =
                  lookout
                      .lookout()
                      .knowledge()
                      .search(SearchRequest.of("KubePodCrashLooping checkout").withKind("incident"))
                      .hits()
                      .stream()
                      .filter(h -> h.id().contains("ALERT-"))
                      .map(h -> h.title())
                      .toList();
              return found.isEmpty() ? null : found;
            });
    assertThat(titles).anySatisfy(t -> assertThat(t).contains("KubePodCrashLooping"));
  }

  @Test
  void a_wrong_or_missing_token_is_refused_with_401() throws Exception {
    assertThat(post(sample().toString(), null).statusCode()).isEqualTo(401);
    var wrong = post(sample().toString(), "Bearer not-the-token-at-all");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("wrong bearer token").doesNotContain("not-the-token");
  }

  @Test
  void a_bad_payload_is_refused_with_400_naming_the_field() throws Exception {
    ObjectNode bad = sample();
    ((ObjectNode) bad.withArray("alerts").get(0)).put("startsAt", "yesterday");
    var response = post(bad.toString(), "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("error").asText())
        .isEqualTo("alerts[0].startsAt: \"yesterday\" is not an RFC 3339 time");
    assertThat(post("{not json", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void a_body_over_one_mebibyte_is_refused_with_413() throws Exception {
    String huge = "{\"pad\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
    assertThat(post(huge, "Bearer " + TOKEN).statusCode()).isEqualTo(413);
  }

  @Test
  void a_drop_rule_drops_the_group() throws Exception {
    ObjectNode info = sample();
    info.put("groupKey", "dropped-group");
    info.withObjectProperty("commonLabels").put("severity", "none");
    var response = post(info.toString(), "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"result\":\"dropped\"");
  }
}
