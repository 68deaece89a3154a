package lookout.adapters.slack;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.testing.Eventually;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode side on loopback: greets each connection with {@code hello}, sends the
 * envelopes a test gives it, records what the client sends back (acks), and can drop connections.
 */
public final class FakeSocketModeServer extends WebSocketServer {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final CountDownLatch started = new CountDownLatch(1);

  public FakeSocketModeServer() throws InterruptedException {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    start();
    if (!started.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake Socket Mode server did not start");
    }
  }

  public String url() {
    return "ws://127.0.0.1:" + getPort() + "/link";
  }

  /** Waits until {@code count} connections were opened in all. */
  public void awaitConnections(int count, long seconds) throws InterruptedException {
    try {
      Eventually.until(
          count + " connections",
          Duration.ofSeconds(seconds),
          () -> connections.get() >= count && !getConnections().isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError(
          "only " + connections.get() + " connections within " + seconds + " s");
    }
  }

  /** How many connections were opened so far. */
  public int connectionsOpened() {
    return connections.get();
  }

  /** Sends {@code json} to every open connection. */
  public void send(String json) {
    getConnections().forEach(c -> c.send(json));
  }

  /** Closes every open connection, as a network failure or a Slack refresh would. */
  public void dropAll() {
    getConnections().forEach(c -> c.close(1001, "going away"));
  }

  public String nextReceived(long seconds) throws InterruptedException {
    return received.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    connections.incrementAndGet();
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"}}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  /** An {@code events_api} envelope around {@code eventCallbackJson}. */
  public static String eventsEnvelope(String envelopeId, String eventCallbackJson) {
    return "{\"envelope_id\":\""
        + envelopeId
        + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":"
        + eventCallbackJson
        + "}";
  }

  /** An {@code interactive} envelope around a {@code block_actions} payload. */
  public static String interactiveEnvelope(String envelopeId, String payloadJson) {
    return "{\"envelope_id\":\""
        + envelopeId
        + "\",\"type\":\"interactive\",\"accepts_response_payload\":true,\"payload\":"
        + payloadJson
        + "}";
  }
}
