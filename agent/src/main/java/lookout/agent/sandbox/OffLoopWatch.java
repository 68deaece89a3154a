package lookout.agent.sandbox;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * Wraps the CRUD mock's watch listener so closing a watch does not block the server. The mock waits
 * (up to a minute) for its event sender to finish when a watch closes, on the event loop that the
 * sender needs: every watch a client closes early (fabric8 log reads and waits open one) would
 * stall all requests. Here the close handling runs on a virtual thread instead.
 */
final class OffLoopWatch extends WebSocketListener {
  private final WebSocketListener delegate;

  OffLoopWatch(WebSocketListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    delegate.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    Thread.ofVirtual()
        .name("sandbox-watch-close")
        .start(() -> delegate.onClosed(webSocket, code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    Thread.ofVirtual()
        .name("sandbox-watch-failure")
        .start(() -> delegate.onFailure(webSocket, error, response));
  }
}
