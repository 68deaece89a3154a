package lookout.knowledge;

import java.time.Instant;
import java.util.Set;

/**
 * What to search for. Empty strings and nulls mean "no filter". Build with {@link #of} and the
 * {@code with…} methods: {@code SearchRequest.of("oom").withKind("incident").withLimit(3)}.
 *
 * @param query free text in any language; Lucene syntax characters are taken as words
 * @param limit at most this many hits (clamped to 1..50)
 * @param kinds {@code runbook} and/or {@code incident}; empty for both
 * @param namespace only documents of this namespace
 * @param service only documents of this service
 * @param cluster only documents of this cluster
 * @param alertName only documents about this alert (case-insensitive)
 * @param from only documents at or after this time (excludes runbooks, which have no time)
 * @param to only documents at or before this time (excludes runbooks)
 * @param mode hybrid (default), BM25 only, or vectors only
 */
public record SearchRequest(
    String query,
    int limit,
    Set<String> kinds,
    String namespace,
    String service,
    String cluster,
    String alertName,
    Instant from,
    Instant to,
    Mode mode) {
  public static final int DEFAULT_LIMIT = 5;
  public static final int MAX_LIMIT = 50;

  /** How candidates are found. */
  public enum Mode {
    /** BM25 and vectors fused by reciprocal rank; BM25 alone while the model is not ready. */
    HYBRID,
    BM25,
    /** Vectors only (evaluation); nothing while the model is not ready. */
    VECTOR
  }

  public SearchRequest {
    query = query == null ? "" : query;
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    namespace = orEmpty(namespace);
    service = orEmpty(service);
    cluster = orEmpty(cluster);
    alertName = orEmpty(alertName);
    mode = mode == null ? Mode.HYBRID : mode;
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, DEFAULT_LIMIT, Set.of(), "", "", "", "", null, null, null);
  }

  public SearchRequest withLimit(int n) {
    return new SearchRequest(
        query, n, kinds, namespace, service, cluster, alertName, from, to, mode);
  }

  public SearchRequest withKind(String... k) {
    return new SearchRequest(
        query, limit, Set.of(k), namespace, service, cluster, alertName, from, to, mode);
  }

  public SearchRequest withNamespace(String ns) {
    return new SearchRequest(query, limit, kinds, ns, service, cluster, alertName, from, to, mode);
  }

  public SearchRequest withService(String s) {
    return new SearchRequest(query, limit, kinds, namespace, s, cluster, alertName, from, to, mode);
  }

  public SearchRequest withCluster(String c) {
    return new SearchRequest(query, limit, kinds, namespace, service, c, alertName, from, to, mode);
  }

  public SearchRequest withAlertName(String a) {
    return new SearchRequest(query, limit, kinds, namespace, service, cluster, a, from, to, mode);
  }

  public SearchRequest withTimeRange(Instant start, Instant end) {
    return new SearchRequest(
        query, limit, kinds, namespace, service, cluster, alertName, start, end, mode);
  }

  public SearchRequest withMode(Mode m) {
    return new SearchRequest(
        query, limit, kinds, namespace, service, cluster, alertName, from, to, m);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s.strip();
  }
}
