package lookout.agent.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP exchange with a bounded answer: connection problems and over-long answers become {@link
 * RemoteException}s naming the service; any status comes back for the caller to judge.
 */
public final class HttpCalls {
  private final String service;
  private final HttpEndpoint endpoint;
  private final HttpClient http;

  /**
   * @param service how messages name it, e.g. {@code Alertmanager}
   */
  public HttpCalls(String service, HttpEndpoint endpoint) {
    this.service = service;
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(endpoint.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** An answer: its status and body (at most the bytes asked for). */
  public record Answer(int status, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  public HttpEndpoint endpoint() {
    return endpoint;
  }

  /**
   * Sends {@code request} and reads at most {@code maxBytes} of the answer.
   *
   * @param what the call in words for messages, e.g. "listing silences"
   * @throws RemoteException when the service cannot be reached or answers more than {@code
   *     maxBytes}
   */
  public Answer send(HttpRequest request, int maxBytes, String what) {
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(maxBytes + 1);
      }
      if (body.length > maxBytes) {
        throw new RemoteException(
            service
                + " at "
                + endpoint.where()
                + " answered more than "
                + maxBytes / 1024
                + " KiB while "
                + what,
            response.statusCode());
      }
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new RemoteException(
          service + " at " + endpoint.where() + " is unreachable while " + what + ": " + reason(e),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemoteException("interrupted while " + what + " at " + service, e);
    }
  }

  /** The name of the service these calls go to. */
  public String service() {
    return service;
  }

  private String reason(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + endpoint.timeout().toMillis() + " ms";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e instanceof java.net.ConnectException
          ? "connection refused"
          : e.getClass().getSimpleName();
    }
    return message;
  }
}
