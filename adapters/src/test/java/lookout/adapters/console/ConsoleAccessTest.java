package lookout.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With an access token configured, the API and the page need it; the static assets do not. */
class ConsoleAccessTest {
  private static final String TOKEN = "s3cret-console-token";
  private static final String QUESTION = "{\"user\":\"alice\",\"text\":\"hi\"}";
  private static ConsoleServer console;

  @BeforeAll
  static void start() {
    console = new ConsoleServer(TOKEN);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  static Stream<Arguments> requests() {
    String right = "Bearer " + TOKEN;
    return Stream.of(
        Arguments.of("API without token", "GET", "/api/console/messages", null, 401),
        Arguments.of("API with wrong token", "GET", "/api/console/messages", "Bearer nope", 401),
        Arguments.of(
            "API with a prefix of the token", "GET", "/api/console/messages", "Bearer s3cret", 401),
        Arguments.of(
            "API with token in the query only",
            "GET",
            "/api/console/messages?token=" + TOKEN,
            null,
            401),
        Arguments.of("API with token", "GET", "/api/console/messages", right, 200),
        Arguments.of(
            "API with lower-case scheme", "GET", "/api/console/messages", "bearer " + TOKEN, 200),
        Arguments.of("unknown API route without token", "GET", "/api/console/nope", null, 401),
        Arguments.of("page without token", "GET", "/", null, 401),
        Arguments.of("page with wrong query token", "GET", "/?token=nope", null, 401),
        Arguments.of("page with query token", "GET", "/?token=" + TOKEN, null, 200),
        Arguments.of("page with header token", "GET", "/", right, 200),
        Arguments.of("script needs no token", "GET", "/console/console.js", null, 200),
        Arguments.of("style needs no token", "GET", "/console/console.css", null, 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void access_token_is_enforced(
      String name, String method, String uri, String authorization, int status) {
    HttpResponse<Buffer> response =
        authorization == null
            ? console.send(HttpMethod.valueOf(method), uri, null)
            : console.send(HttpMethod.valueOf(method), uri, null, "Authorization", authorization);

    assertThat(response.statusCode()).isEqualTo(status);
  }

  @Test
  void post_without_token_is_refused_before_anything_is_stored() {
    HttpResponse<Buffer> response =
        console.send(
            HttpMethod.POST, "/api/console/messages", QUESTION, "Content-Type", ConsoleServer.JSON);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).contains("Authorization: Bearer");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
    assertThat(console.adapter.version(ConsoleAdapter.DEFAULT_CHANNEL)).isZero();
    assertThat(console.bot.inbounds).isEmpty();
  }

  @Test
  void post_with_token_reaches_the_bot() throws Exception {
    HttpResponse<Buffer> response =
        console.send(
            HttpMethod.POST,
            "/api/console/messages?channel=ops",
            "{\"user\":\"alice\",\"text\":\"hi\",\"channel\":\"ops\"}",
            "Content-Type",
            ConsoleServer.JSON,
            "Authorization",
            "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(RecordingHandler.next(console.bot.inbounds).conversation().channel())
        .isEqualTo("ops");
  }
}
