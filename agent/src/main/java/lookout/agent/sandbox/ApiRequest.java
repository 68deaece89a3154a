package lookout.agent.sandbox;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request to the sandbox split into method, path and decoded query parameters.
 *
 * @param path the path without the query string
 */
record ApiRequest(String method, String path, Map<String, String> query, RecordedRequest raw) {

  static ApiRequest of(RecordedRequest request) {
    String full = request.getPath() == null ? "/" : request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : full.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        query.put(decode(key), decode(value));
      }
    }
    return new ApiRequest(
        request.getMethod().toUpperCase(java.util.Locale.ROOT), path, query, request);
  }

  String param(String name) {
    return query.get(name);
  }

  boolean is(String httpMethod) {
    return method.equals(httpMethod);
  }

  boolean isWrite() {
    return is("POST") || is("PUT") || is("PATCH") || is("DELETE");
  }

  boolean isWatch() {
    return "true".equals(query.get("watch")) || "1".equals(query.get("watch"));
  }

  /**
   * The body as UTF-8 without consuming the recorded buffer (the CRUD dispatcher reads it later).
   */
  String body() {
    return raw.getBody() == null
        ? ""
        : new String(raw.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  String contentType() {
    String ct = raw.getHeader("Content-Type");
    return ct == null ? "" : ct.toLowerCase(java.util.Locale.ROOT);
  }

  /** This path with the given query parameters left out, re-encoded. */
  String pathWithout(String... names) {
    Map<String, String> kept = new LinkedHashMap<>(query);
    for (String name : names) {
      kept.remove(name);
    }
    if (kept.isEmpty()) {
      return path;
    }
    return path
        + "?"
        + kept.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
