package lookout.agent.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lookout.agent.remote.HttpEndpoint;
import lookout.agent.remote.RemoteException;
import lookout.approvals.SilenceMatcher;
import lookout.testing.RealAlertmanager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against Debian's real Alertmanager: what it creates, lists, expires and refuses. */
@Tag("alertmanager")
class AlertmanagerClientTest {
  static final List<SilenceMatcher> CRASH =
      List.of(
          SilenceMatcher.equal("alertname", "KubePodCrashLooping"),
          SilenceMatcher.equal("namespace", "staging"));
  @TempDir static Path dir;
  static RealAlertmanager am;
  static AlertmanagerClient client;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(RealAlertmanager.usable(), "prometheus-alertmanager not installed");
    am = RealAlertmanager.quiet(dir.resolve("am"));
    client = new AlertmanagerClient(HttpEndpoint.of(URI.create(am.url())));
  }

  @AfterAll
  static void stop() {
    if (am != null) {
      am.close();
    }
  }

  @Test
  void a_created_silence_is_listed_active_with_its_matchers_and_author_then_expires() {
    Instant now = Instant.now();
    String id =
        client.create(CRASH, now, now.plus(Duration.ofHours(1)), "slack:U02BOB", "from Lookout");

    Silence s = client.silence(id).orElseThrow();
    assertThat(s.active()).isTrue();
    assertThat(s.matchers()).containsExactlyInAnyOrderElementsOf(CRASH);
    assertThat(s.createdBy()).isEqualTo("slack:U02BOB");
    assertThat(s.comment()).isEqualTo("from Lookout");
    assertThat(client.silences()).extracting(Silence::id).contains(id);

    client.expire(id);

    assertThat(client.silence(id).orElseThrow().state()).isEqualTo("expired");
  }

  @Test
  void alerts_a_silence_would_mute_are_those_its_matchers_select() throws Exception {
    postAlert(am.url(), "KubePodCrashLooping", "staging");
    postAlert(am.url(), "KubePodCrashLooping", "prod");

    assertThat(client.alerts(CRASH))
        .singleElement()
        .satisfies(labels -> assertThat(labels).containsEntry("namespace", "staging"));
    assertThat(client.alerts(List.of(new SilenceMatcher("namespace", "prod|staging", true, true))))
        .hasSize(2);
  }

  @Test
  void alertmanagers_refusal_is_reported_in_its_own_words() {
    Instant now = Instant.now();
    List<SilenceMatcher> matchesEverything = List.of(SilenceMatcher.equal("team", ""));

    assertThatThrownBy(() -> client.create(matchesEverything, now, now.plusSeconds(60), "x:y", ""))
        .isInstanceOf(RemoteException.class)
        .hasMessage(
            "Alertmanager at "
                + am.url()
                + " refused creating a silence (HTTP 400): silence invalid: at least one matcher"
                + " must not match the empty string");
    assertThatThrownBy(() -> client.expire("00000000-1a35-4358-baf5-08834cb37050"))
        .hasMessageEndingWith(
            "refused expiring silence 00000000-1a35-4358-baf5-08834cb37050 (HTTP 500): silence"
                + " not found");
    assertThat(client.silence("00000000-1a35-4358-baf5-08834cb37050")).isEmpty();
  }

  @Test
  void an_unreachable_alertmanager_is_named_with_what_was_being_done() throws Exception {
    int closed = RealAlertmanager.freePort();
    var nowhere = new AlertmanagerClient(HttpEndpoint.of(URI.create("http://127.0.0.1:" + closed)));

    assertThatThrownBy(nowhere::silences)
        .isInstanceOf(RemoteException.class)
        .hasMessage(
            "Alertmanager at http://127.0.0.1:"
                + closed
                + " is unreachable while listing silences: connection refused");
  }

  /** Fires an alert in Alertmanager as Prometheus would. */
  static void postAlert(String url, String name, String namespace) throws Exception {
    String body =
        "[{\"labels\":{\"alertname\":\""
            + name
            + "\",\"namespace\":\""
            + namespace
            + "\"},\"startsAt\":\""
            + Instant.now()
            + "\"}]";
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
