package lookout.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.KnowledgeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/knowledge/search}: bad parameters get a 400 naming them, never a 200 error. */
class KnowledgeRoutesTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Vertx vertx;
  private static KnowledgeBase knowledge;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    knowledge = KnowledgeBase.open(KnowledgeSettings.inMemory().withSemantic(false));
    knowledge.indexBundledRunbooks();
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new KnowledgeRoutes(knowledge, new Blocking(Executors.newVirtualThreadPerTaskExecutor()))
        .mount(vertx, router);
    port = vertx.createHttpServer().requestHandler(router).listen(0).await().actualPort();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(5, TimeUnit.SECONDS);
    knowledge.close();
  }

  @Test
  void a_control_character_in_the_query_is_a_400_naming_the_parameter() throws Exception {
    for (String bad : new String[] {"q=%00", "q=crash%00loop", "q=oom&namespace=%07"}) {
      HttpResponse<String> r = get(bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.body()).as(bad).contains("control character");
    }
  }

  @Test
  void a_plain_query_finds_runbooks() throws Exception {
    HttpResponse<String> r = get("q=crash%20looping%20pod");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"hits\":[{");
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/knowledge/search?" + query))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
