package lookout.bot.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.knowledge.Hit;
import lookout.knowledge.Search;

/**
 * {@code GET /api/knowledge/search?q=…&kind=…&limit=…}: the knowledge search for other tools. Bad
 * parameters get a 400 naming the parameter; searching runs off the event loop.
 */
public final class KnowledgeRoutes {
  static final int MAX_QUERY_CHARS = 1_000;
  private static final Set<String> KINDS = Set.of("runbook", "incident");

  private final Search search;
  private final Blocking blocking;

  public KnowledgeRoutes(Search search, Blocking blocking) {
    this.search = search;
    this.blocking = blocking;
  }

  public void mount(Vertx vertx, Router router) {
    router.get("/api/knowledge/search").handler(ctx -> search(vertx, ctx));
  }

  private void search(Vertx vertx, RoutingContext ctx) {
    String q = ctx.request().getParam("q");
    String kind = ctx.request().getParam("kind");
    String limitText = ctx.request().getParam("limit", "10");
    if (q == null || q.isBlank()) {
      HttpApi.json(ctx, 400, Map.of("error", "q: a query is required, e.g. ?q=pod crash looping"));
      return;
    }
    if (q.length() > MAX_QUERY_CHARS) {
      HttpApi.json(ctx, 400, Map.of("error", "q: at most " + MAX_QUERY_CHARS + " characters"));
      return;
    }
    if (kind != null && !KINDS.contains(kind)) {
      HttpApi.json(
          ctx, 400, Map.of("error", "kind: \"" + kind + "\" — expected runbook or incident"));
      return;
    }
    int limit;
    try {
      limit = Integer.parseInt(limitText);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 50) {
      HttpApi.json(ctx, 400, Map.of("error", "limit: \"" + limitText + "\" — expected 1 to 50"));
      return;
    }
    int n = limit;
    blocking
        .call(vertx, () -> search.search(q, kind == null ? n : 50))
        .onSuccess(hits -> HttpApi.json(ctx, 200, Map.of("query", q, "hits", view(hits, kind, n))))
        .onFailure(
            e -> HttpApi.json(ctx, 500, Map.of("error", "search failed: " + e.getMessage())));
  }

  private static List<Map<String, Object>> view(List<Hit> hits, String kind, int limit) {
    return hits.stream()
        .filter(h -> kind == null || h.kind().equals(kind))
        .limit(limit)
        .map(
            h -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("kind", h.kind());
              m.put("title", h.title());
              m.put("section", h.section());
              m.put("location", h.location());
              m.put("snippet", h.snippet());
              m.put("score", h.score());
              return m;
            })
        .toList();
  }
}
