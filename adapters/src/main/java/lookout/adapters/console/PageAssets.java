package lookout.adapters.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The page's three files, read from the classpath once. Served with a strict
 * Content-Security-Policy: the page loads nothing from elsewhere and runs no inline script, so text
 * that slips into the DOM still cannot execute.
 */
final class PageAssets {
  private static final String BASE = "/lookout/adapters/console/";
  private static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"
          + " data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Buffer html = read("index.html");
  private final Buffer js = read("console.js");
  private final Buffer css = read("console.css");

  void page(RoutingContext rc) {
    send(rc, html, "text/html; charset=utf-8");
  }

  void script(RoutingContext rc) {
    send(rc, js, "text/javascript; charset=utf-8");
  }

  void style(RoutingContext rc) {
    send(rc, css, "text/css; charset=utf-8");
  }

  private static void send(RoutingContext rc, Buffer body, String type) {
    rc.response()
        .putHeader("Content-Type", type)
        .putHeader("Cache-Control", "no-cache")
        .putHeader("Content-Security-Policy", CSP)
        .putHeader("X-Content-Type-Options", "nosniff")
        // The page URL may carry ?token=; keep it out of Referer headers.
        .putHeader("Referrer-Policy", "no-referrer")
        .end(body);
  }

  private static Buffer read(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("console page resource " + BASE + name + " is missing");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("while reading console page resource " + BASE + name, e);
    }
  }
}
