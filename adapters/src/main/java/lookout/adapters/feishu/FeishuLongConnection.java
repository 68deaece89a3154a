package lookout.adapters.feishu;

import com.lark.oapi.ws.Client;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feishu without a public URL: the SDK's long-connection client asks the open API for a WebSocket
 * endpoint (with the app id and secret), connects, reconnects when the connection drops, and hands
 * each event and card callback to the same {@link FeishuDispatch} handlers as the HTTP route. The
 * socket is authenticated by Feishu, so there is no signature or encryption to check. Feishu
 * delivers each event to one of the app's connections; with several replicas the database dedupe
 * still answers a redelivery once.
 */
public final class FeishuLongConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FeishuLongConnection.class);

  private final Client client;

  public FeishuLongConnection(
      String appId, String appSecret, String apiUrl, FeishuDispatch dispatch) {
    String base = apiUrl == null || apiUrl.isBlank() ? FeishuAdapter.DEFAULT_API_URL : apiUrl;
    this.client =
        new Client.Builder(appId, appSecret)
            .domain(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
            .eventHandler(dispatch.dispatcher())
            .autoReconnect(true)
            .build();
  }

  /** Connects; throws when Feishu refuses the app's credentials or cannot be reached. */
  public void start() {
    client.start();
    log.info("feishu: long connection open");
  }

  /**
   * The SDK's client has no public close: stop reconnecting, drop the socket and its ping loop
   * through its protected members.
   */
  @Override
  public void close() {
    try {
      Field reconnect = Client.class.getDeclaredField("autoReconnect");
      reconnect.setAccessible(true);
      reconnect.set(client, Boolean.FALSE);
      Method disconnect = Client.class.getDeclaredMethod("disconnect");
      disconnect.setAccessible(true);
      disconnect.invoke(client);
      Field executor = Client.class.getDeclaredField("executor");
      executor.setAccessible(true);
      ((ExecutorService) executor.get(client)).shutdownNow();
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("while closing the Feishu long connection: {}", e.toString());
    }
  }
}
