package lookout.bot.bench;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The smallest HTTP host for a Bolt app, as Bolt's own server adapters do it: read the request, let
 * {@link SlackRequestParser} build Bolt's request, {@link App#run} it (Bolt verifies the signature
 * and dispatches), write Bolt's response. Virtual threads, like Lookout's handlers.
 */
final class BoltHttpServer implements AutoCloseable {
  private final App app;
  private final SlackRequestParser parser;
  private final HttpServer server;

  BoltHttpServer(App app) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/slack/events", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
      var request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(exchange.getRequestURI().getPath())
                  .queryString(Map.of())
                  .headers(new RequestHeaders(headers))
                  .requestBody(body)
                  .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      Response response;
      try {
        response = app.run(request);
      } catch (Exception e) {
        response = Response.builder().statusCode(500).body("").build();
      }
      byte[] out =
          response.getBody() == null
              ? new byte[0]
              : response.getBody().getBytes(StandardCharsets.UTF_8);
      if (response.getContentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", response.getContentType());
      }
      exchange.sendResponseHeaders(response.getStatusCode(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
