package lookout.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad requests get a 4xx with a JSON error naming what is wrong, and change nothing. */
class ConsoleBadInputTest {
  private static final String MESSAGES = "/api/console/messages";
  private static final String CLICKS = "/api/console/clicks";
  private static final String JSON = ConsoleServer.JSON;
  private static ConsoleServer console;

  @BeforeAll
  static void start() {
    console = new ConsoleServer(null);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  static Stream<Arguments> badRequests() {
    String tooLong = "x".repeat(4_001);
    String huge = "{\"user\":\"alice\",\"text\":\"" + "x".repeat(1024 * 1024) + "\"}";
    return Stream.of(
        row("malformed JSON", "POST", MESSAGES, JSON, "{\"user\":", 400, "body is not valid JSON"),
        row("empty body", "POST", MESSAGES, JSON, "", 400, "body is empty"),
        row("JSON array", "POST", MESSAGES, JSON, "[1]", 400, "body must be a JSON object"),
        row("missing user", "POST", MESSAGES, JSON, "{\"text\":\"hi\"}", 400, "user: missing"),
        row(
            "user not a string",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":7,\"text\":\"hi\"}",
            400,
            "user: must be a string"),
        row(
            "user with a space",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"al ice\",\"text\":\"hi\"}",
            400,
            "user: must be 1-64 characters"),
        row(
            "user too long",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"" + "a".repeat(65) + "\",\"text\":\"hi\"}",
            400,
            "user:"),
        row("missing text", "POST", MESSAGES, JSON, "{\"user\":\"alice\"}", 400, "text: missing"),
        row(
            "blank text",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"alice\",\"text\":\"  \"}",
            400,
            "text: must not be blank"),
        row(
            "text too long",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"alice\",\"text\":\"" + tooLong + "\"}",
            400,
            "text: is 4001 characters"),
        row(
            "bad channel",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"alice\",\"text\":\"hi\",\"channel\":\"a/b\"}",
            400,
            "channel:"),
        row(
            "unknown thread",
            "POST",
            MESSAGES,
            JSON,
            "{\"user\":\"alice\",\"text\":\"hi\",\"thread\":\"m999\"}",
            400,
            "thread: m999"),
        row(
            "text/plain",
            "POST",
            MESSAGES,
            "text/plain",
            "{\"user\":\"alice\",\"text\":\"hi\"}",
            415,
            "Content-Type must be application/json"),
        row(
            "no content type",
            "POST",
            MESSAGES,
            null,
            "{\"user\":\"alice\",\"text\":\"hi\"}",
            415,
            "got none"),
        row("body over 1 MiB", "POST", MESSAGES, JSON, huge, 413, "1 MiB"),
        row(
            "click without token",
            "POST",
            CLICKS,
            JSON,
            "{\"user\":\"bob\",\"messageId\":\"m1\"}",
            400,
            "token: missing"),
        row(
            "click by bad user",
            "POST",
            CLICKS,
            JSON,
            "{\"user\":\"<b>\",\"messageId\":\"m1\",\"token\":\"t\"}",
            400,
            "user:"),
        row("since not a number", "GET", MESSAGES + "?since=abc", null, null, 400, "since:"),
        row("negative since", "GET", MESSAGES + "?since=-1", null, null, 400, "since:"),
        row("wait too long", "GET", MESSAGES + "?wait=99", null, null, 400, "wait:"),
        row("bad channel query", "GET", MESSAGES + "?channel=%3Cx%3E", null, null, 400, "channel:"),
        row("unknown route", "GET", "/api/console/nope", null, null, 404, "no console API at"),
        row("wrong method", "PUT", MESSAGES, JSON, "{}", 405, "PUT is not allowed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void bad_request_gets_a_json_error_and_stores_nothing(
      String name, String method, String uri, String type, String body, int status, String error) {
    List<String> headers = new ArrayList<>();
    if (type != null) {
      headers.add("Content-Type");
      headers.add(type);
    }

    HttpResponse<Buffer> response =
        console.send(HttpMethod.valueOf(method), uri, body, headers.toArray(String[]::new));

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).contains(error);
    assertThat(console.adapter.version(ConsoleAdapter.DEFAULT_CHANNEL)).isZero();
    assertThat(console.bot.inbounds).isEmpty();
    assertThat(console.bot.clicks).isEmpty();
  }

  private static Arguments row(
      String name, String method, String uri, String type, String body, int status, String error) {
    return Arguments.of(name, method, uri, type, body, status, error);
  }
}
