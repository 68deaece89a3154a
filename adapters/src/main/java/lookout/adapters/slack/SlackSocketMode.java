package lookout.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack without a public URL: the SDK's Socket Mode client opens a WebSocket from {@code
 * apps.connections.open} (with the app-level {@code xapp-} token) and reconnects when Slack asks or
 * the connection drops. Envelopes go through the same parsing as the HTTP routes: an event is
 * acknowledged once the bot has taken it (unacknowledged envelopes are redelivered, and the bot
 * dedupes by {@code event_id}); a button press is acknowledged at once. Slack has already
 * authenticated the socket, so there is no request signature to check.
 */
public final class SlackSocketMode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Slack slack;
  private final String appToken;
  private final ChatHandler handler;
  private final ClickNotices notices;
  private final Executor blocking;
  private SocketModeClient client;

  public SlackSocketMode(
      String appToken,
      String apiUrl,
      ChatHandler handler,
      ClickNotices notices,
      Executor blocking) {
    SlackConfig config = new SlackConfig();
    String prefix = apiUrl == null || apiUrl.isBlank() ? SlackAdapter.DEFAULT_API_URL : apiUrl;
    config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
    config.getMethodsConfig().setStatsEnabled(false);
    this.slack = Slack.getInstance(config);
    this.appToken = appToken;
    this.handler = handler;
    this.notices = notices;
    this.blocking = blocking;
  }

  /** Opens the connection; throws when Slack refuses the app token or cannot be reached. */
  public synchronized void start() throws IOException {
    // Creating the client calls apps.connections.open; connect() opens the socket.
    client = slack.socketMode(appToken, SocketModeClient.Backend.JavaWebSocket);
    client.setAutoReconnectEnabled(true);
    client.addWebSocketMessageListener(this::onMessage);
    client.addWebSocketErrorListener(e -> log.warn("slack: Socket Mode error: {}", e.toString()));
    client.connect();
    log.info("slack: Socket Mode connected");
  }

  private void onMessage(String text) {
    JsonNode envelope;
    try {
      envelope = JSON.readTree(text);
    } catch (IOException e) {
      log.warn("slack: Socket Mode message is not JSON; ignored");
      return;
    }
    String id = SlackEvents.text(envelope, "envelope_id", null);
    String type = SlackEvents.text(envelope, "type", "");
    if (id == null) {
      return; // hello, disconnect: the SDK's client handles those itself
    }
    JsonNode payload = envelope.path("payload");
    try {
      switch (type) {
        case "events_api" -> event(id, payload);
        case "interactive" -> {
          ack(id);
          clicks(SlackActions.fromPayload(payload));
        }
        default -> ack(id);
      }
    } catch (BadSlackRequest e) {
      log.warn("slack: Socket Mode envelope {} refused: {}", id, e.getMessage());
      ack(id); // redelivering a malformed envelope would not make it better
    }
  }

  private void event(String envelopeId, JsonNode payload) {
    SlackEvent event =
        SlackEvents.parse(payload.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    if (!(event instanceof SlackEvent.ForBot m)) {
      ack(envelopeId);
      return;
    }
    run(
        () -> {
          try {
            handler.onMessage(m.inbound());
            ack(envelopeId);
          } catch (RuntimeException e) {
            // No ack: Slack redelivers, and the database dedupe keeps it to one answer.
            log.error("slack: the bot could not take event {}", m.inbound().eventId(), e);
          }
        });
  }

  private void clicks(List<Click> clicks) {
    for (Click click : clicks) {
      run(
          () -> {
            try {
              ClickReply reply = handler.onClick(click);
              if (reply != null && reply.notice() != null) {
                notices.tell(click, reply);
              }
            } catch (RuntimeException e) {
              log.error("slack: the bot failed on a click by {}", click.user(), e);
            }
          });
    }
  }

  private void run(Runnable work) {
    try {
      blocking.execute(work);
    } catch (RejectedExecutionException e) {
      log.warn("slack: shutting down; Socket Mode envelope left for redelivery");
    }
  }

  private void ack(String envelopeId) {
    SocketModeClient c = client;
    if (c != null) {
      c.sendWebSocketMessage("{\"envelope_id\":\"" + envelopeId.replace("\"", "") + "\"}");
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (client != null) {
        client.close();
      }
      slack.close();
    } catch (Exception e) {
      log.warn("while closing Slack Socket Mode", e);
    }
  }
}
