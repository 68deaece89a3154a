package lookout.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination that cannot take a group (here console channels that cannot be opened; Slack is
 * behind the outbox, which always takes) makes {@code /alertmanager} answer 503, so Alertmanager
 * sends it again; the other destinations get the group at once, and once the channel opens, the
 * retry posts its root there — nothing is lost and nothing is posted twice.
 */
class DeferredDestinationTest {
  static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
  static final Map<String, String> CRASH =
      Map.of("alertname", "KubePodCrashLooping", "namespace", "staging", "deployment", "checkout");

  @TempDir Path dir;
  final RecordingChat console = new RecordingChat("console");
  final RecordingChat slack = new RecordingChat("slack");
  final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  AlertsHarness h;
  Vertx vertx;
  URI uri;

  void start(String... destinations) throws Exception {
    Map<String, RecordingChat> chats = new LinkedHashMap<>();
    chats.put("console", console);
    chats.put("slack", slack);
    h =
        new AlertsHarness(
            dir,
            AlertsHarness.settings(
                List.of(),
                java.util.Arrays.stream(destinations).map(Destination::parse).toList(),
                1000,
                1),
            chats);
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    h.alerts.mount(router, true, blocking);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .await(10, TimeUnit.SECONDS);
    uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/alertmanager");
  }

  @AfterEach
  void stop() throws Exception {
    if (h == null) {
      return;
    }
    vertx.close().await(10, TimeUnit.SECONDS);
    blocking.shutdownNow();
    h.close();
  }

  @Test
  void a_destination_that_cannot_take_the_group_gets_a_503_and_its_root_on_the_retry()
      throws Exception {
    start("console:#alerts", "slack:C1");
    console.refuse("alerts", "the console's channel limit is reached");
    Notification n = Notifications.group("deferred", CRASH, 1, 1, START);

    HttpResponse<String> first = send(n);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(503);
    JsonObject body = new JsonObject(first.body());
    assertThat(body.getString("result")).isEqualTo("deferred");
    assertThat(body.getJsonArray("refused").encode())
        .contains("console:alerts")
        .contains("channel limit");
    assertThat(body.getJsonArray("destinations").encode()).isEqualTo("[\"slack:C1\"]");
    assertThat(h.drain(20)).isTrue();
    assertThat(slack.roots("C1")).hasSize(1);
    assertThat(console.calls()).isEmpty();

    HttpResponse<String> stillRefused = send(n);
    assertThat(stillRefused.statusCode()).isEqualTo(503);

    console.accept("alerts");
    HttpResponse<String> retry = send(n);

    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    assertThat(new JsonObject(retry.body()).getString("result")).isEqualTo("accepted");
    Eventually.asserted(
        Duration.ofSeconds(20),
        () ->
            assertThat(console.roots("alerts"))
                .singleElement()
                .satisfies(c -> assertThat(c.message().summary()).contains("KubePodCrashLooping")));
    assertThat(h.drain(20)).isTrue();
    assertThat(slack.roots("C1"))
        .as("the retry edits the Slack root, never posts a second")
        .hasSize(1);
  }

  @Test
  void a_group_no_destination_can_take_is_not_stored_and_answered_503() throws Exception {
    start("console:#alerts", "console:#oncall");
    console.refuse("alerts", "full");
    console.refuse("oncall", "full");

    HttpResponse<String> r = send(Notifications.group("nowhere", CRASH, 1, 1, START));

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(r.body()).getJsonArray("refused")).hasSize(2);
    assertThat(h.drain(5)).isTrue();
    assertThat(console.calls()).isEmpty();

    console.accept("alerts");
    console.accept("oncall");
    assertThat(send(Notifications.group("nowhere", CRASH, 1, 1, START)).statusCode())
        .isEqualTo(200);
    assertThat(h.drain(20)).isTrue();
    assertThat(console.roots("alerts")).hasSize(1);
    assertThat(console.roots("oncall")).hasSize(1);
    assertThat(console.calls())
        .as("stored for the first time now: no reply listing changes since a lost state")
        .allMatch(c -> c.thread() == null || !c.message().summary().contains("new firing"));
  }

  private HttpResponse<String> send(Notification n) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer harness-token-0123456789")
                .POST(HttpRequest.BodyPublishers.ofString(NotificationJson.write(n)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
