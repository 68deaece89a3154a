package lookout.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send nothing, trickle their headers or body a byte at a time, or keep a connection
 * open after their answer, are cut off within the configured time; the server's own time (a slow
 * answer) is never held against them.
 */
class SlowClientsTest {
  private static final Duration HEADER = Duration.ofSeconds(1);
  private static final Duration BODY = Duration.ofSeconds(1);
  private static final Duration IDLE = Duration.ofSeconds(3);
  // Timers fire on a loaded event loop: allow this much after the deadline.
  private static final Duration LATE = Duration.ofMillis(1500);

  private GuardedServer server;

  private GuardedServer start(int maxConnections, Duration header) throws Exception {
    server = new GuardedServer(new HttpLimits(IDLE, header, BODY, maxConnections, 5, false), 2_500);
    return server;
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_connection_that_sends_nothing_is_closed_after_the_header_timeout() throws Exception {
    start(100, HEADER);
    try (Socket s = connect()) {
      long closedAfter = millisUntilClosed(s);
      assertThat(closedAfter).isBetween(HEADER.toMillis() - 100, HEADER.plus(LATE).toMillis());
    }
  }

  @Test
  void headers_trickled_a_byte_at_a_time_are_cut_off_although_the_connection_is_never_idle()
      throws Exception {
    start(100, HEADER);
    try (Socket s = connect()) {
      s.getOutputStream().write(ascii("GET /healthz HTTP/1.1\r\nHost: lookout\r\nX-Slow: "));
      Thread trickle = trickle(s.getOutputStream(), 200);
      long closedAfter = millisUntilClosed(s);
      trickle.interrupt();
      assertThat(closedAfter).isLessThan(HEADER.plus(LATE).toMillis()).isLessThan(IDLE.toMillis());
    }
  }

  @Test
  void a_body_that_does_not_arrive_in_time_gets_408_and_the_connection_closes() throws Exception {
    start(100, HEADER);
    try (Socket s = connect()) {
      long started = System.nanoTime();
      s.getOutputStream()
          .write(
              ascii(
                  "POST /upload HTTP/1.1\r\nHost: lookout\r\nContent-Length: 1000\r\n\r\n0123456789"));
      Thread trickle = trickle(s.getOutputStream(), 200);
      String answer = readUntilClosed(s);
      trickle.interrupt();
      assertThat(answer).startsWith("HTTP/1.1 408").contains("request body not received");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(BODY.plus(LATE))
          .isLessThan(IDLE);
    }
  }

  @Test
  void a_kept_alive_connection_must_start_its_next_request_within_the_idle_timeout()
      throws Exception {
    start(100, HEADER);
    try (Socket s = connect()) {
      s.getOutputStream().write(ascii("GET /healthz HTTP/1.1\r\nHost: lookout\r\n\r\n"));
      assertThat(readResponseHead(s)).startsWith("HTTP/1.1 200");
      // The next request's head, one byte at a time, never finished: the connection is never idle.
      s.getOutputStream().write(ascii("GET /healthz HTTP/1.1\r\nX-Slow: "));
      long started = System.nanoTime();
      Thread trickle = trickle(s.getOutputStream(), 200);
      millisUntilClosed(s);
      trickle.interrupt();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IDLE.plus(LATE));
    }
  }

  @Test
  void the_servers_own_time_to_answer_is_not_held_against_the_client() throws Exception {
    start(100, HEADER);
    try (Socket s = connect()) {
      s.getOutputStream().write(ascii("GET /slow HTTP/1.1\r\nHost: lookout\r\n\r\n"));
      s.setSoTimeout(10_000);
      String head = readResponseHead(s);
      assertThat(head).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void connections_over_the_cap_are_closed_at_once_and_accepted_again_when_one_leaves()
      throws Exception {
    start(4, Duration.ofSeconds(20));
    Socket[] held = new Socket[4];
    for (int i = 0; i < held.length; i++) {
      held[i] = connect();
    }
    try {
      lookout.testing.Eventually.until(
          "4 connections open", Duration.ofSeconds(5), () -> server.guard.open() == 4);
      try (Socket fifth = connect()) {
        assertThat(millisUntilClosed(fifth)).isLessThan(1_000);
      }
      held[0].close();
      lookout.testing.Eventually.until(
          "a connection to leave", Duration.ofSeconds(5), () -> server.guard.open() == 3);
      try (Socket again = connect()) {
        again.getOutputStream().write(ascii("GET /healthz HTTP/1.1\r\nHost: lookout\r\n\r\n"));
        assertThat(readResponseHead(again)).startsWith("HTTP/1.1 200");
      }
      assertThat(
              server
                  .metrics
                  .scrape()
                  .contains("lookout_http_connections_closed_total{reason=\"over_limit\"} 1.0"))
          .as("the refusal is counted on /metrics")
          .isTrue();
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout((int) (IDLE.toMillis() + 5_000));
    return s;
  }

  /** Blocks until the server closes the connection; returns how long that took. */
  private static long millisUntilClosed(Socket s) throws IOException {
    long started = System.nanoTime();
    InputStream in = s.getInputStream();
    try {
      while (in.read() != -1) {
        // discard whatever the server says before closing
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open", e);
    } catch (IOException e) {
      // reset: closed too
    }
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private static String readUntilClosed(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    try {
      for (int b = in.read(); b != -1; b = in.read()) {
        out.write(b);
      }
    } catch (IOException e) {
      // reset after the answer: what arrived is what counts
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String readResponseHead(Socket s) throws IOException {
    StringBuilder head = new StringBuilder();
    InputStream in = s.getInputStream();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        break;
      }
      head.append((char) b);
    }
    // the body: Content-Length bytes
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length: ");
    if (at >= 0) {
      int end = lower.indexOf("\r\n", at);
      int length = Integer.parseInt(lower.substring(at + 16, end).strip());
      in.readNBytes(length);
    }
    return head.toString();
  }

  /** Writes one byte every {@code everyMillis} until interrupted or the connection breaks. */
  private static Thread trickle(OutputStream out, long everyMillis) {
    return Thread.ofVirtual()
        .start(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  Thread.sleep(everyMillis);
                  out.write('a');
                  out.flush();
                }
              } catch (InterruptedException | IOException e) {
                // stopped, or the server hung up: either way the trickle is over
              }
            });
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
