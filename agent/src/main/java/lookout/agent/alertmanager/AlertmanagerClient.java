package lookout.agent.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lookout.agent.remote.HttpCalls;
import lookout.agent.remote.HttpEndpoint;
import lookout.agent.remote.RemoteException;
import lookout.approvals.SilenceMatcher;

/**
 * Alertmanager's API v2, the parts silences need: {@code POST /api/v2/silences}, {@code DELETE
 * /api/v2/silence/{id}}, {@code GET /api/v2/silences} and {@code GET /api/v2/alerts}. Blocking.
 * Every failure is a {@link RemoteException} naming Alertmanager, where it is, what was being done
 * and Alertmanager's own words (its errors come as a JSON string, {@code {code, message}}, or
 * text).
 */
public final class AlertmanagerClient {
  static final int MAX_BODY = 4 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID = Pattern.compile("[0-9a-fA-F-]{36}");

  private final HttpCalls calls;

  public AlertmanagerClient(HttpEndpoint endpoint) {
    this.calls = new HttpCalls("Alertmanager", endpoint);
  }

  public HttpEndpoint endpoint() {
    return calls.endpoint();
  }

  /** Creates a silence; returns its id. */
  public String create(
      List<SilenceMatcher> matchers,
      Instant startsAt,
      Instant endsAt,
      String createdBy,
      String comment) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("matchers");
    for (SilenceMatcher m : matchers) {
      list.addObject()
          .put("name", m.name())
          .put("value", m.value())
          .put("isRegex", m.regex())
          .put("isEqual", m.equal());
    }
    body.put("startsAt", startsAt.toString());
    body.put("endsAt", endsAt.toString());
    body.put("createdBy", createdBy);
    body.put("comment", comment);
    String what = "creating a silence";
    HttpCalls.Answer a =
        calls.send(
            calls
                .endpoint()
                .request("api/v2/silences", List.of())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            MAX_BODY,
            what);
    String id = json(check(a, what), what).path("silenceID").asText("");
    if (!UUID.matcher(id).matches()) {
      throw new RemoteException(
          "Alertmanager at " + where() + " created a silence but sent no silence id", a.status());
    }
    return id;
  }

  /** Expires (ends now) the silence {@code id}. */
  public void expire(String id) {
    String what = "expiring silence " + id;
    check(
        calls.send(
            calls.endpoint().request("api/v2/silence/" + id, List.of()).DELETE().build(),
            MAX_BODY,
            what),
        what);
  }

  /** Every silence Alertmanager holds (active, pending and recently expired). */
  public List<Silence> silences() {
    String what = "listing silences";
    JsonNode list =
        json(
            check(
                calls.send(
                    calls.endpoint().request("api/v2/silences", List.of()).GET().build(),
                    MAX_BODY,
                    what),
                what),
            what);
    List<Silence> out = new ArrayList<>();
    for (JsonNode s : list) {
      out.add(silence(s, what));
    }
    return out;
  }

  /** The silence {@code id}, or empty when Alertmanager has none by that id (HTTP 404). */
  public Optional<Silence> silence(String id) {
    String what = "reading silence " + id;
    HttpCalls.Answer a =
        calls.send(
            calls.endpoint().request("api/v2/silence/" + id, List.of()).GET().build(),
            MAX_BODY,
            what);
    if (a.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(silence(json(check(a, what), what), what));
  }

  /** The label sets of the active, unsilenced, uninhibited alerts all {@code matchers} match. */
  public List<Map<String, String>> alerts(List<SilenceMatcher> matchers) {
    List<Map.Entry<String, String>> query = new ArrayList<>();
    matchers.forEach(m -> query.add(Map.entry("filter", m.toString())));
    query.add(Map.entry("active", "true"));
    query.add(Map.entry("silenced", "false"));
    query.add(Map.entry("inhibited", "false"));
    String what = "listing the alerts the silence would mute";
    JsonNode list =
        json(
            check(
                calls.send(
                    calls.endpoint().request("api/v2/alerts", query).GET().build(), MAX_BODY, what),
                what),
            what);
    List<Map<String, String>> out = new ArrayList<>();
    for (JsonNode alert : list) {
      out.add(AlertmanagerJson.strings(alert.path("labels")));
    }
    return out;
  }

  private HttpCalls.Answer check(HttpCalls.Answer a, String what) {
    if (!a.ok()) {
      throw new RemoteException(
          "Alertmanager at "
              + where()
              + " refused "
              + what
              + " (HTTP "
              + a.status()
              + "): "
              + AlertmanagerJson.error(a.body()),
          a.status());
    }
    return a;
  }

  private JsonNode json(HttpCalls.Answer a, String what) {
    try {
      return JSON.readTree(a.body());
    } catch (IOException e) {
      throw new RemoteException(
          "Alertmanager at " + where() + " answered " + what + " with something not JSON",
          a.status());
    }
  }

  private Silence silence(JsonNode s, String what) {
    try {
      return new Silence(
          s.path("id").asText(),
          s.path("status").path("state").asText(""),
          AlertmanagerJson.matchers(s.path("matchers")),
          Instant.parse(s.path("startsAt").asText()),
          Instant.parse(s.path("endsAt").asText()),
          s.path("createdBy").asText(""),
          s.path("comment").asText(""));
    } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
      throw new RemoteException(
          "Alertmanager at "
              + where()
              + " sent a silence Lookout cannot read while "
              + what
              + ": "
              + e.getMessage(),
          200);
    }
  }

  private String where() {
    return calls.endpoint().where();
  }
}
