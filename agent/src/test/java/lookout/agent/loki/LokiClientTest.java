package lookout.agent.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.agent.remote.HttpEndpoint;
import lookout.agent.remote.RemoteException;
import lookout.testing.FakeLoki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a loopback Loki answering Loki's documented JSON and error bodies. */
class LokiClientTest {
  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  static final Map<String, String> CHECKOUT =
      Map.of("namespace", "shop", "pod", "checkout-7d9f8c6b5d-x2k4p", "container", "app");

  final FakeLoki loki = FakeLoki.start();

  @AfterEach
  void stop() {
    loki.close();
  }

  LokiClient client(Optional<String> tenant) {
    return new LokiClient(new LokiEndpoint(HttpEndpoint.of(URI.create(loki.url())), tenant));
  }

  @Test
  void lines_come_back_oldest_first_with_their_stream_labels_and_nanosecond_times() {
    loki.push(CHECKOUT, NOW.minusSeconds(30).plusNanos(123), "starting checkout");
    loki.push(CHECKOUT, NOW.minusSeconds(10), "panic: DATABASE_URL not set");
    loki.push(Map.of("namespace", "other", "pod", "x"), NOW.minusSeconds(5), "not selected");

    List<LogLine> lines =
        client(Optional.empty()).query("{namespace=\"shop\"}", NOW.minusSeconds(3600), NOW, 100);

    assertThat(lines)
        .extracting(LogLine::line)
        .containsExactly("starting checkout", "panic: DATABASE_URL not set");
    assertThat(lines.get(0).at()).isEqualTo(NOW.minusSeconds(30).plusNanos(123));
    assertThat(lines.get(1).pod()).isEqualTo("checkout-7d9f8c6b5d-x2k4p");
    var sent = loki.requests().getLast().params();
    assertThat(sent).containsEntry("direction", "backward").containsEntry("limit", "100");
    assertThat(sent.get("end")).isEqualTo(LokiClient.nanos(NOW));
  }

  @Test
  void the_limit_keeps_the_newest_lines() {
    for (int i = 0; i < 10; i++) {
      loki.push(CHECKOUT, NOW.minusSeconds(100 - i), "line " + i);
    }
    assertThat(
            client(Optional.empty())
                .query("{pod=~\"checkout-.+\"}", NOW.minusSeconds(3600), NOW, 3))
        .extracting(LogLine::line)
        .containsExactly("line 7", "line 8", "line 9");
  }

  @Test
  void the_tenant_goes_as_x_scope_orgid_and_a_missing_one_is_refused_with_lokis_words() {
    loki.multiTenant().push("team-a", CHECKOUT, NOW.minusSeconds(5), "team a's line");

    assertThat(
            client(Optional.of("team-a"))
                .query("{namespace=\"shop\"}", NOW.minusSeconds(60), NOW, 10))
        .extracting(LogLine::line)
        .containsExactly("team a's line");
    assertThat(loki.requests().getLast().headers()).containsEntry("x-scope-orgid", "team-a");
    assertThatThrownBy(
            () ->
                client(Optional.empty())
                    .query("{namespace=\"shop\"}", NOW.minusSeconds(60), NOW, 10))
        .isInstanceOf(RemoteException.class)
        .hasMessage(
            "Loki at "
                + loki.url()
                + " refused running the query {namespace=\"shop\"} (HTTP 401):"
                + " no org id");
  }

  @Test
  void a_query_lokis_parser_refuses_comes_back_with_the_parse_error_and_the_url() {
    assertThatThrownBy(
            () -> client(Optional.empty()).query("{namespace=shop}", NOW.minusSeconds(60), NOW, 10))
        .isInstanceOf(RemoteException.class)
        .hasMessageContaining("Loki at " + loki.url())
        .hasMessageContaining(
            "(HTTP 400): parse error at line 1, col 12: syntax error: unexpected IDENTIFIER")
        .satisfies(e -> assertThat(((RemoteException) e).status()).isEqualTo(400));
  }

  @Test
  void a_selector_that_selects_everything_is_refused_with_lokis_message() {
    assertThatThrownBy(
            () -> client(Optional.empty()).query("{app=~\".*\"}", NOW.minusSeconds(60), NOW, 10))
        .hasMessageContaining(
            "(HTTP 400): parse error : queries require at least one regexp or equality matcher");
  }

  @Test
  void rate_limits_and_server_errors_are_named_with_their_status_and_body() {
    loki.failNext(429, "too many outstanding requests");
    loki.failNext(500, "rpc error: code = Unavailable desc = connection error");
    LokiClient client = client(Optional.empty());

    assertThatThrownBy(() -> client.labels(NOW.minusSeconds(60), NOW))
        .hasMessage(
            "Loki at "
                + loki.url()
                + " refused listing labels (HTTP 429): too many outstanding requests");
    assertThatThrownBy(() -> client.labels(NOW.minusSeconds(60), NOW))
        .hasMessageEndingWith("(HTTP 500): rpc error: code = Unavailable desc = connection error");
  }

  @Test
  void labels_are_the_label_names_of_the_streams_in_range() {
    loki.push(CHECKOUT, NOW.minusSeconds(5), "x");
    assertThat(client(Optional.empty()).labels(NOW.minusSeconds(60), NOW))
        .containsExactly("container", "namespace", "pod");
  }

  @Test
  void an_unreachable_loki_is_named_with_its_url_and_the_timeout_bounds_the_wait()
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LokiClient gone =
        new LokiClient(
            new LokiEndpoint(
                new HttpEndpoint(
                    URI.create("http://127.0.0.1:" + port),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Duration.ofSeconds(2)),
                Optional.empty()));
    assertThatThrownBy(() -> gone.labels(NOW.minusSeconds(60), NOW))
        .isInstanceOf(RemoteException.class)
        .hasMessageStartingWith(
            "Loki at http://127.0.0.1:" + port + " is unreachable while listing labels");
  }

  @Test
  void a_json_error_envelope_is_read_for_its_error() {
    assertThat(
            LokiClient.error("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"x\"}"))
        .isEqualTo("x");
    assertThat(LokiClient.error("")).isEqualTo("(no message)");
  }
}
