package lookout.bot.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.adapters.web.QuietLog;
import lookout.knowledge.Hit;
import lookout.knowledge.KnowledgeBase;
import lookout.knowledge.SearchRequest;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/knowledge/search?q=…&kind=…&namespace=…&service=…&alert=…&from=…&to=…&limit=…}:
 * the knowledge search for other tools. Bad parameters get a 400 naming the parameter; searching
 * runs off the event loop.
 */
public final class KnowledgeRoutes {
  private static final QuietLog errors =
      new QuietLog(LoggerFactory.getLogger(KnowledgeRoutes.class));
  private final KnowledgeBase knowledge;
  private final Blocking blocking;

  public KnowledgeRoutes(KnowledgeBase knowledge, Blocking blocking) {
    this.knowledge = knowledge;
    this.blocking = blocking;
  }

  public void mount(Vertx vertx, Router router) {
    router.get("/api/knowledge/search").handler(ctx -> search(vertx, ctx));
  }

  private void search(Vertx vertx, RoutingContext ctx) {
    SearchRequest request;
    try {
      request = request(ctx);
    } catch (IllegalArgumentException e) {
      HttpApi.json(ctx, 400, Map.of("error", e.getMessage()));
      return;
    }
    blocking
        .call(vertx, () -> knowledge.search(request))
        .onSuccess(
            result -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("query", request.query());
              body.put("mode", result.mode());
              body.put("notices", result.notices());
              body.put("hits", result.hits().stream().map(KnowledgeRoutes::view).toList());
              HttpApi.json(ctx, 200, body);
            })
        .onFailure(
            e -> {
              errors.error("knowledge search", "knowledge search failed for {}", request, e);
              HttpApi.json(ctx, 500, Map.of("error", "search failed; the reason is in the log"));
            });
  }

  private static SearchRequest request(RoutingContext ctx) {
    String q = param(ctx, "q");
    if (q == null || q.isBlank()) {
      throw new IllegalArgumentException("q: a query is required, e.g. ?q=pod crash looping");
    }
    if (q.length() > 1_000) {
      throw new IllegalArgumentException("q: at most 1000 characters");
    }
    String limitText = param(ctx, "limit") == null ? "10" : param(ctx, "limit");
    int limit;
    try {
      limit = Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit: \"" + limitText + "\" — expected 1 to " + SearchRequest.MAX_LIMIT);
    }
    SearchRequest r = SearchRequest.of(q).withLimit(limit);
    String kind = param(ctx, "kind");
    if (kind != null) {
      if (!List.of("runbook", "incident").contains(kind)) {
        throw new IllegalArgumentException("kind: \"" + kind + "\" — expected runbook or incident");
      }
      r = r.withKind(kind);
    }
    if (param(ctx, "namespace") != null) {
      r = r.withNamespace(param(ctx, "namespace"));
    }
    if (param(ctx, "service") != null) {
      r = r.withService(param(ctx, "service"));
    }
    if (param(ctx, "alert") != null) {
      r = r.withAlertName(param(ctx, "alert"));
    }
    Instant from = time(ctx, "from");
    Instant to = time(ctx, "to");
    return from == null && to == null ? r : r.withTimeRange(from, to);
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v != null && v.codePoints().anyMatch(KnowledgeRoutes::control)) {
      throw new IllegalArgumentException(
          name + ": contains a control character (such as %00); send plain text");
    }
    return v == null || v.isBlank() ? null : v;
  }

  /** Control characters other than tab and line breaks, which a search box may well send. */
  private static boolean control(int c) {
    return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
  }

  private static Instant time(RoutingContext ctx, String name) {
    String v = param(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + ": \"" + v + "\" — expected an ISO-8601 time such as 2026-11-01T00:00:00Z");
    }
  }

  private static Map<String, Object> view(Hit h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("kind", h.kind());
    m.put("title", h.title());
    m.put("section", h.section());
    m.put("location", h.location());
    m.put("snippet", h.snippet());
    m.put("score", h.score());
    return m;
  }
}
