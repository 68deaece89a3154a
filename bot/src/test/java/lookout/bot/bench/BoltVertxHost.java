package lookout.bot.bench;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Bolt app on the same HTTP server as Lookout (Vert.x, body read on the event loop, Bolt run on a
 * virtual thread, the answer written back on the event loop), so Lookout and Bolt differ only in
 * the Slack work: verify, parse, dispatch. Bolt's own Jetty adapter is not in the Maven repository
 * reachable here.
 */
final class BoltVertxHost {
  private BoltVertxHost() {}

  static int start(Vertx vertx, App app) {
    SlackRequestParser parser = new SlackRequestParser(app.config());
    ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    return vertx
        .createHttpServer()
        .requestHandler(request -> handle(request, parser, app, blocking))
        .listen(0, "127.0.0.1")
        .await()
        .actualPort();
  }

  private static void handle(
      HttpServerRequest request, SlackRequestParser parser, App app, ExecutorService blocking) {
    Context context = Vertx.currentContext();
    request
        .body()
        .onSuccess(
            body ->
                blocking.execute(
                    () -> {
                      Map<String, List<String>> headers = new HashMap<>();
                      request
                          .headers()
                          .forEach(
                              h -> headers.put(h.getKey().toLowerCase(), List.of(h.getValue())));
                      Response response;
                      try {
                        response =
                            app.run(
                                parser.parse(
                                    SlackRequestParser.HttpRequest.builder()
                                        .requestUri(request.path())
                                        .queryString(Map.of())
                                        .headers(new RequestHeaders(headers))
                                        .requestBody(body.toString())
                                        .remoteAddress(request.remoteAddress().hostAddress())
                                        .build()));
                      } catch (Exception e) {
                        response = Response.builder().statusCode(500).body("").build();
                      }
                      Response done = response;
                      context.runOnContext(
                          v -> {
                            var out = request.response().setStatusCode(done.getStatusCode());
                            if (done.getContentType() != null) {
                              out.putHeader("Content-Type", done.getContentType());
                            }
                            out.end(done.getBody() == null ? "" : done.getBody());
                          });
                    }));
  }
}
