package lookout.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Probes answer HEAD as well as GET; the unauthenticated routes are limited per address; clients
 * that break off an upload or send a malformed chunk cost a DEBUG line, not an ERROR with a stack.
 */
class ProbesAndLimitsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static GuardedServer server;

  @BeforeAll
  static void start() throws Exception {
    server =
        new GuardedServer(
            new HttpLimits(
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                1_000,
                5,
                false),
            10);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void health_and_readiness_answer_head_requests() throws Exception {
    for (String path : new String[] {"/healthz", "/readyz", "/metrics"}) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri(path))
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEmpty();
    }
  }

  @Test
  void an_address_over_its_rate_on_an_open_route_gets_429_while_probes_still_answer()
      throws Exception {
    int ok = 0;
    HttpResponse<String> refused = null;
    // rate 5/s: a burst of 10 fits, the 11th (sent within the same second or two) does not
    for (int i = 0; i < 20 && refused == null; i++) {
      HttpResponse<String> r = get("/api/open/ping");
      if (r.statusCode() == 200) {
        ok++;
      } else {
        refused = r;
      }
    }
    assertThat(ok).isBetween(10, 15);
    assertThat(refused).isNotNull();
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    assertThat(server.metrics.scrape().contains("lookout_http_rate_limited_total 1.0"))
        .as("the refusal is counted on /metrics")
        .isTrue();
  }

  @Test
  void an_upload_the_client_breaks_off_is_not_an_error_in_the_log() throws Exception {
    try (CapturedLogs logs = new CapturedLogs()) {
      for (int i = 0; i < 20; i++) {
        for (String path : new String[] {"/upload", "/api/console/messages"}) {
          try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                ascii(
                    "POST "
                        + path
                        + " HTTP/1.1\r\nHost: lookout\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"user\":\"mallory\",\"text\":\""));
            out.write(new byte[1000]);
            out.flush();
          }
        }
      }
      awaitQuiet();
      assertThat(logs.errors()).isEmpty();
      assertThat(logs.all()).noneMatch(CapturedLogs.Line::stackTrace);
    }
  }

  @Test
  void a_malformed_chunk_is_refused_without_an_error_in_the_log() throws Exception {
    try (CapturedLogs logs = new CapturedLogs()) {
      for (String path :
          new String[] {"/upload", "/api/open/ping", "/nowhere", "/api/console/messages"}) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
          s.setSoTimeout(10_000);
          s.getOutputStream()
              .write(
                  ascii(
                      "POST "
                          + path
                          + " HTTP/1.1\r\nHost: lookout\r\nContent-Type: application/json\r\n"
                          + "Transfer-Encoding: chunked\r\n\r\n"
                          + "zz-not-a-size\r\nhello\r\n0\r\n\r\n"));
          String answer = readAll(s.getInputStream());
          // A 4xx, or the connection simply closed: never a 5xx.
          assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 4")).as(answer).isTrue();
        }
      }
      awaitQuiet();
      assertThat(logs.errors()).isEmpty();
      assertThat(logs.all()).noneMatch(l -> l.message().contains("Unhandled exception"));
    }
  }

  /** The failure paths log on the event loop after the socket closed: let one more request pass. */
  private static void awaitQuiet() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
    Thread.sleep(200);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static String readAll(InputStream in) throws IOException {
    StringBuilder out = new StringBuilder();
    try {
      for (int b = in.read(); b != -1; b = in.read()) {
        out.append((char) b);
      }
    } catch (IOException e) {
      // reset after the answer
    }
    return out.toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
