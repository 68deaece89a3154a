package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import lookout.adapters.console.ConsoleMessage;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import lookout.testing.FakeLoki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole app with {@code loki:} configured: an alert about a pod that is gone from the cluster
 * (deleted and replaced; the sandbox's staging/cart runs healthy pods) gets an analysis quoting the
 * crash lines that pod left in Loki.
 */
class LokiAlertFlowTest {
  static final String TOKEN = "alerts-test-token-" + Long.toHexString(System.nanoTime());
  static final String GONE = "cart-6f8d9c7b5d-zq4wx";
  static final String CRASH =
      "Exception in thread \"main\" java.lang.IllegalStateException: REDIS_URL is not set";
  @TempDir static Path dataDir;
  static FakeLoki loki;
  static LookoutServer lookout;

  @BeforeAll
  static void start() throws Exception {
    loki = FakeLoki.start().multiTenant();
    Map<String, String> stream = Map.of("namespace", "staging", "pod", GONE, "container", "cart");
    Instant at = Instant.now().minusSeconds(900);
    loki.push("shop", stream, at, "cart 1.10.0-rc.1 starting");
    loki.push("shop", stream, at.plusSeconds(1), CRASH);
    loki.push("other-team", stream, at.plusSeconds(2), "a line of another tenant");
    lookout =
        TestLookout.start(
            dataDir,
            "alerts:\n  token: "
                + TOKEN
                + "\nloki:\n  - url: "
                + loki.url()
                + "\n    tenant: shop\n    timeout: 3s\n");
  }

  @AfterAll
  static void stop() {
    lookout.close();
    loki.close();
  }

  @Test
  void an_alert_about_a_deleted_pod_is_analysed_with_the_crash_lines_it_left_in_loki()
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode alert =
        (ObjectNode)
            json.readTree(
                Files.readString(Path.of("../docs/examples/alertmanager-crashloop.json")));
    alert.put("groupKey", "loki-flow-group");
    for (var labels :
        List.of(
            (ObjectNode) alert.get("commonLabels"),
            (ObjectNode) alert.get("alerts").get(0).get("labels"))) {
      labels.put("pod", GONE).put("container", "cart");
    }
    HttpResponse<String> posted =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + lookout.port() + "/alertmanager"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(alert.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

    ConsoleMessage analysis =
        Eventually.value(
            "the analysis in #alerts",
            Duration.ofSeconds(30),
            Duration.ofMillis(50),
            () ->
                lookout.console().since("alerts", 0).messages().stream()
                    .filter(m -> m.thread() != null && m.text().startsWith("🔎 Analysis"))
                    .findFirst()
                    .orElse(null));

    String text = String.valueOf(analysis.content());
    assertThat(analysis.text()).contains("pod " + GONE + ", no longer in the cluster, logged:");
    assertThat(text)
        .contains("REDIS_URL is not set")
        .contains("its log from Loki at " + loki.url())
        .doesNotContain("a line of another tenant");
    assertThat(loki.requests())
        .filteredOn(r -> r.path().endsWith("query_range"))
        .allSatisfy(r -> assertThat(r.headers()).containsEntry("x-scope-orgid", "shop"));
  }
}
