package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import lookout.adapters.console.ConsoleAdapter;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Visitors of the console open channels until its limit refuses more; alerts routed to {@code
 * console:#alerts} (the default) and to a configured {@code console:#oncall} still arrive.
 */
class FullConsoleAlertsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "full-console-token-" + Long.toHexString(System.nanoTime());
  @TempDir Path dataDir;
  LookoutServer lookout;

  @AfterEach
  void stop() {
    if (lookout != null) {
      lookout.close();
    }
  }

  @Test
  void alerts_arrive_after_visitors_filled_every_console_channel() throws Exception {
    lookout =
        TestLookout.start(
            dataDir,
            "server:\n  perAddressRate: 0\nalerts:\n  token: "
                + TOKEN
                + "\n  routes:\n    - match: 'namespace=prod'\n      to: ['console:#oncall']\n"
                + "  defaultTo: ['console:#alerts']\n");
    ConsoleClient visitor = new ConsoleClient(lookout.port());

    int opened = 0;
    ConsoleClient.Response refused = null;
    for (int i = 0; i <= ConsoleAdapter.MAX_CHANNELS && refused == null; i++) {
      ConsoleClient.Response r =
          visitor.post(
              "/api/console/messages",
              JSON.writeValueAsString(
                  Map.of("user", "visitor", "channel", "room-" + i, "text", "hello")));
      if (r.status() == 202) {
        opened++;
      } else {
        refused = r;
      }
    }
    assertThat(refused).as("the console refuses a channel past its limit").isNotNull();
    assertThat(refused.status()).isBetween(400, 499);
    assertThat(opened).isEqualTo(ConsoleAdapter.MAX_CHANNELS);

    ObjectNode staging = AlertThreadsFlowTest.sample();
    staging.put("groupKey", "full-console-staging");
    ObjectNode prod = AlertThreadsFlowTest.sample();
    prod.put("groupKey", "full-console-prod");
    ((ObjectNode) prod.get("commonLabels")).put("namespace", "prod");
    ((ObjectNode) prod.get("groupLabels")).put("namespace", "prod");
    for (var a : prod.withArray("alerts")) {
      ((ObjectNode) a.get("labels")).put("namespace", "prod");
    }
    assertThat(alert(staging).statusCode()).isEqualTo(200);
    assertThat(alert(prod).statusCode()).isEqualTo(200);

    for (String channel : new String[] {"alerts", "oncall"}) {
      Eventually.asserted(
          Duration.ofSeconds(20),
          () ->
              assertThat(lookout.console().since(channel, 0).messages())
                  .as("#" + channel)
                  .anyMatch(m -> m.thread() == null && m.text().contains("FIRING")));
    }
  }

  private HttpResponse<String> alert(ObjectNode body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + lookout.port() + "/alertmanager"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
