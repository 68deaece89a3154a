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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import lookout.adapters.chat.Part;
import lookout.adapters.console.ConsoleMessage;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import lookout.testing.RealAlertmanager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledge, silence and unsilence from the alert thread, against the whole Lookout on its
 * sandbox (policy: alice, bob and carol approve in staging; dave approves nothing) and Debian's
 * real Alertmanager for the silences. Notifications are posted to the webhook directly; {@link
 * RealAlertmanagerTest} has Prometheus and Alertmanager send them.
 */
@Tag("alertmanager")
class AlertControlsFlowTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static RealAlertmanager am;
  static String down;
  static LookoutServer lookout;
  static ConsoleClient chat;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(RealAlertmanager.usable(), "prometheus-alertmanager not installed");
    am = RealAlertmanager.quiet(dir.resolve("am"));
    down = "http://127.0.0.1:" + RealAlertmanager.freePort();
    // cluster "edge" has an Alertmanager nobody listens for: silences there cannot be made
    lookout =
        TestLookout.start(
            dir.resolve("data"),
            "clusters:\n  - name: sandbox\n    sandbox: true\n  - name: edge\n    sandbox: true\n"
                + "defaultCluster: sandbox\n"
                + "alertmanagers:\n  - cluster: sandbox\n    url: "
                + am.url()
                + "\n  - cluster: edge\n    url: "
                + down
                + "\n");
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    if (lookout != null) {
      lookout.close();
    }
    if (am != null) {
      am.close();
    }
  }

  @Test
  void an_approver_silences_for_an_hour_from_the_root_and_unsilences_it() throws Exception {
    ConsoleMessage root = fire("g-silence", "KubePodCrashLooping", 1);
    assertThat(labels(root))
        .containsExactly("Acknowledge", "Silence 1h", "Silence 4h", "Silence 24h");

    JsonNode reply = press("bob", root, "Silence 1h");
    assertThat(reply.path("accepted").asBoolean()).as(reply.toString()).isTrue();

    JsonNode silence = awaitSilence("KubePodCrashLooping", "active");
    assertThat(silence.path("createdBy").asText()).isEqualTo("console:bob");
    assertThat(matchers(silence))
        .containsExactly("alertname=KubePodCrashLooping", "namespace=staging");
    assertThat(silence.path("comment").asText())
        .startsWith("Silenced from Lookout by console:bob in console:alerts thread " + root.id());
    ConsoleMessage silenced = awaitRoot(root, m -> m.text().contains("silenced by console:bob"));
    assertThat(labels(silenced)).containsExactly("Acknowledge", "Unsilence");
    assertThat(card(root, "Done: silence KubePodCrashLooping in staging for 1h")).isNotNull();

    assertThat(press("bob", silenced, "Unsilence").path("accepted").asBoolean()).isTrue();

    awaitSilence("KubePodCrashLooping", "expired");
    ConsoleMessage after = awaitRoot(root, m -> labels(m).contains("Silence 1h"));
    assertThat(after.text()).doesNotContain("silenced by");
    String audit = chat.say("alice", "audit console:bob");
    JsonNode trail =
        chat.awaitBot(
            audit,
            m ->
                ConsoleClient.text(m).contains("succeeded")
                    && ConsoleClient.text(m).contains("unsilence KubePodCrashLooping"));
    assertThat(ConsoleClient.text(trail))
        .contains("requested console:bob — silence KubePodCrashLooping in staging for 1h")
        .contains("approved console:bob — silence KubePodCrashLooping in staging for 1h")
        .contains("approved console:bob — unsilence KubePodCrashLooping in staging");
  }

  @Test
  void an_unreachable_alertmanager_is_named_and_nothing_is_silenced() throws Exception {
    ConsoleMessage root = fire("g-down", "KubeNodeNotReady", 1, "edge");
    assertThat(labels(root)).contains("Silence 1h");

    JsonNode reply = press("bob", root, "Silence 1h");

    assertThat(reply.path("accepted").asBoolean()).isFalse();
    assertThat(reply.path("notice").asText())
        .startsWith("Not done: ")
        .contains("Alertmanager at " + down + " is unreachable");
    assertThat(lookout.console().find(root.id()).orElseThrow().text()).doesNotContain("silenced");
    assertThat(silencesOf("KubeNodeNotReady")).isEmpty();
  }

  @Test
  void someone_who_is_not_an_approver_presses_silence_and_nothing_changes() throws Exception {
    ConsoleMessage root = fire("g-dave", "KubeDeploymentReplicasMismatch", 1);

    JsonNode reply = press("dave", root, "Silence 1h");

    assertThat(reply.path("accepted").asBoolean()).isFalse();
    assertThat(reply.path("notice").asText())
        .isEqualTo(
            "Not done: console:dave may not silence alerts in staging: only approvers may"
                + " (group:sre; policy rule staging)");
    assertThat(silencesOf("KubeDeploymentReplicasMismatch")).isEmpty();
    assertThat(lookout.console().find(root.id()).orElseThrow().text()).doesNotContain("silenced");
    String audit = chat.say("alice", "audit console:dave");
    JsonNode answer = chat.awaitBot(audit, m -> ConsoleClient.text(m).contains("refused"));
    assertThat(ConsoleClient.text(answer))
        .contains("refused console:dave")
        .contains("silence KubeDeploymentReplicasMismatch in staging for 1h");
  }

  @Test
  void acknowledging_shows_the_owner_and_new_alerts_start_no_analysis() throws Exception {
    ConsoleMessage root = fire("g-ack", "KubeContainerWaiting", 1);
    awaitThread(root, m -> m.text().startsWith("🔎 Analysis"));

    assertThat(press("carol", root, "Acknowledge").path("accepted").asBoolean()).isTrue();
    ConsoleMessage owned =
        awaitRoot(root, m -> m.text().contains("🙋 acknowledged by console:carol"));
    assertThat(labels(owned)).contains("Take over");

    fire("g-ack", "KubeContainerWaiting", 2);
    awaitThread(root, m -> m.text().startsWith("Update: 1 new firing"));
    Eventually.until(
        "the lanes to be idle",
        Duration.ofSeconds(10),
        () -> lookout.lookout().alerts().orElseThrow().lanes().idle());
    assertThat(thread(root).stream().filter(m -> m.text().startsWith("🔎 Analysis"))).hasSize(1);
  }

  @Test
  void the_same_is_said_in_the_thread_in_english_and_chinese() throws Exception {
    ConsoleMessage root = fire("g-chat", "KubeJobFailed", 1);

    chat.reply("bob", "alerts", root.id(), "静默 2小时");
    JsonNode silence = awaitSilence("KubeJobFailed", "active");
    assertThat(
            Duration.between(
                java.time.Instant.parse(silence.path("startsAt").asText()),
                java.time.Instant.parse(silence.path("endsAt").asText())))
        .isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
    awaitRoot(root, m -> m.text().contains("silenced by console:bob"));

    chat.reply("carol", "alerts", root.id(), "认领");
    awaitRoot(root, m -> m.text().contains("acknowledged by console:carol"));

    chat.reply("alice", "alerts", root.id(), "unsilence");
    awaitSilence("KubeJobFailed", "expired");
    awaitRoot(root, m -> !m.text().contains("silenced by"));
  }

  @Test
  void a_day_long_silence_waits_for_a_second_approver() throws Exception {
    ConsoleMessage root = fire("g-day", "KubeHpaMaxedOut", 1);

    JsonNode reply = press("bob", root, "Silence 24h");
    assertThat(reply.path("notice").asText())
        .startsWith("Approval requested: silence KubeHpaMaxedOut");
    ConsoleMessage card = awaitThread(root, m -> m.text().startsWith("Approval needed: silence"));
    assertThat(silencesOf("KubeHpaMaxedOut")).isEmpty();

    assertThat(press("alice", card, "Approve").path("accepted").asBoolean()).isTrue();

    assertThat(awaitSilence("KubeHpaMaxedOut", "active").path("createdBy").asText())
        .isEqualTo("console:bob");
    awaitRoot(root, m -> m.text().contains("silenced by console:bob"));
  }

  @Test
  void a_silence_made_in_alertmanager_shows_on_the_root_at_the_next_notification()
      throws Exception {
    ConsoleMessage root = fire("g-elsewhere", "KubeQuotaExceeded", 1);
    String body =
        "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"KubeQuotaExceeded\",\"isRegex\":false,"
            + "\"isEqual\":true}],\"startsAt\":\""
            + java.time.Instant.now()
            + "\",\"endsAt\":\""
            + java.time.Instant.now().plus(Duration.ofHours(2))
            + "\",\"createdBy\":\"grafana:erin\",\"comment\":\"maintenance\"}";
    assertThat(send("POST", am.url() + "/api/v2/silences", body).statusCode()).isEqualTo(200);

    fire("g-elsewhere", "KubeQuotaExceeded", 1);

    ConsoleMessage shown = awaitRoot(root, m -> m.text().contains("silenced by grafana:erin"));
    assertThat(String.valueOf(shown.content())).contains("made in Alertmanager");
    assertThat(labels(shown)).contains("Unsilence");
  }

  // --- helpers ---

  /** Posts a firing notification for {@code alertname} in staging with {@code firing} alerts. */
  static ConsoleMessage fire(String groupKey, String alertname, int firing) throws Exception {
    return fire(groupKey, alertname, firing, null);
  }

  /** The same on {@code cluster} (its {@code cluster} label), or with no such label when null. */
  static ConsoleMessage fire(String groupKey, String alertname, int firing, String cluster)
      throws Exception {
    ObjectNode n =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("../docs/examples/alertmanager-crashloop.json")));
    n.put("groupKey", groupKey);
    ((ObjectNode) n.get("groupLabels")).put("alertname", alertname);
    ((ObjectNode) n.get("commonLabels")).put("alertname", alertname);
    var alerts = n.withArray("alerts");
    ObjectNode first = (ObjectNode) alerts.get(0);
    ((ObjectNode) first.get("labels")).put("alertname", alertname);
    if (cluster != null) {
      ((ObjectNode) n.get("commonLabels")).put("cluster", cluster);
      ((ObjectNode) first.get("labels")).put("cluster", cluster);
    }
    alerts.removeAll();
    for (int i = 0; i < firing; i++) {
      ObjectNode a = first.deepCopy();
      ((ObjectNode) a.get("labels")).put("pod", "checkout-7d9f8c6b5d-x2k4" + i);
      a.put("fingerprint", groupKey + i);
      alerts.add(a);
    }
    var r = send("POST", "http://127.0.0.1:" + lookout.port() + "/alertmanager", n.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return await(m -> m.thread() == null && m.text().contains(alertname));
  }

  static JsonNode press(String user, ConsoleMessage message, String label) throws Exception {
    ConsoleMessage now = lookout.console().find(message.id()).orElseThrow();
    String token =
        now.buttons().stream()
            .filter(b -> b.label().equals(label))
            .map(Part.Button::token)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no button " + label + " on " + now));
    ConsoleClient.Response r = chat.click(user, message.id(), token);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    return r.body();
  }

  static List<String> labels(ConsoleMessage m) {
    return m.buttons().stream().map(Part.Button::label).toList();
  }

  static List<ConsoleMessage> all() {
    return lookout.console().since("alerts", 0).messages();
  }

  static List<ConsoleMessage> thread(ConsoleMessage root) {
    return all().stream().filter(m -> root.id().equals(m.thread())).toList();
  }

  static ConsoleMessage await(Predicate<ConsoleMessage> p) throws InterruptedException {
    try {
      return Eventually.value(
          "a message in #alerts",
          Duration.ofSeconds(20),
          Duration.ofMillis(50),
          () -> all().stream().filter(p).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no such message in #alerts; have: " + all());
    }
  }

  static ConsoleMessage awaitRoot(ConsoleMessage root, Predicate<ConsoleMessage> p)
      throws InterruptedException {
    return await(m -> m.id().equals(root.id()) && p.test(m));
  }

  static ConsoleMessage awaitThread(ConsoleMessage root, Predicate<ConsoleMessage> p)
      throws InterruptedException {
    return await(m -> root.id().equals(m.thread()) && p.test(m));
  }

  static ConsoleMessage card(ConsoleMessage root, String summaryStart) throws InterruptedException {
    return awaitThread(root, m -> m.text().startsWith(summaryStart));
  }

  /** Alertmanager's silences whose alertname matcher is {@code alertname}. */
  static List<JsonNode> silencesOf(String alertname) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode s : JSON.readTree(send("GET", am.url() + "/api/v2/silences", null).body())) {
      if (matchers(s).contains("alertname=" + alertname)) {
        out.add(s);
      }
    }
    return out;
  }

  static JsonNode awaitSilence(String alertname, String state) throws Exception {
    return Eventually.value(
        "a silence of " + alertname + " in state " + state,
        Duration.ofSeconds(20),
        Duration.ofMillis(100),
        () ->
            silencesOf(alertname).stream()
                .filter(s -> s.path("status").path("state").asText().equals(state))
                .findFirst()
                .orElse(null));
  }

  static List<String> matchers(JsonNode silence) {
    List<String> out = new ArrayList<>();
    silence
        .path("matchers")
        .forEach(m -> out.add(m.path("name").asText() + "=" + m.path("value").asText()));
    return out.stream().sorted().toList();
  }

  static HttpResponse<String> send(String method, String url, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
