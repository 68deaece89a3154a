package lookout.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page's files as served. Behaviour in a browser is tested by the bot against the whole app;
 * this guards the contract those tests rely on and the rules that keep the page safe.
 */
class ConsolePageTest {
  private static ConsoleServer console;

  @BeforeAll
  static void start() {
    console = new ConsoleServer(null);
  }

  @AfterAll
  static void stop() {
    console.close();
  }

  @Test
  void page_has_the_elements_browser_tests_use() {
    HttpResponse<Buffer> page = console.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("Content-Type")).startsWith("text/html");
    assertThat(page.getHeader("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.bodyAsString())
        .contains("id=\"message\"", "id=\"user\"", "id=\"send\"", "console/console.js");
  }

  @Test
  void script_renders_the_classes_browser_tests_use() {
    String js = console.get("/console/console.js").bodyAsString();

    assertThat(js)
        .contains("'msg '", "dataset.id", "'summary'", "'action '", "dataset.token", "'notice'");
  }

  static Stream<Arguments> assets() {
    return Stream.of(
        Arguments.of("/", "text/html"),
        Arguments.of("/console/console.js", "text/javascript"),
        Arguments.of("/console/console.css", "text/css"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("assets")
  void assets_load_nothing_from_other_hosts(String path, String type) {
    HttpResponse<Buffer> asset = console.get(path);

    assertThat(asset.getHeader("Content-Type")).startsWith(type);
    assertThat(asset.bodyAsString()).doesNotContain("http://", "https://", "//cdn");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("})
  void script_never_turns_text_into_html(String sink) {
    assertThat(console.get("/console/console.js").bodyAsString()).doesNotContain(sink);
  }
}
