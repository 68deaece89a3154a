package lookout.bot.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.incidents.IncidentStore;

/**
 * Records a few fictional past incidents in an empty sandbox database, so incident search can be
 * tried before Lookout has a history of its own. Never used with a real cluster.
 */
final class SandboxIncidents {
  private static final String RESOURCE = "/lookout/bot/sandbox-incidents.yaml";

  private SandboxIncidents() {}

  /** Saves the samples when the store has no incident yet; returns how many were saved. */
  static int seedIfEmpty(DataSource db) throws IOException {
    IncidentStore store = new IncidentStore(db);
    if (!store.all().isEmpty()) {
      return 0;
    }
    List<Incident> samples = load();
    samples.forEach(store::save);
    return samples.size();
  }

  static List<Incident> load() throws IOException {
    try (InputStream in = SandboxIncidents.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing resource " + RESOURCE);
      }
      List<Incident> incidents = new ArrayList<>();
      for (JsonNode n : new ObjectMapper(new YAMLFactory()).readTree(in)) {
        Map<String, String> labels = new LinkedHashMap<>();
        n.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> timeline = new ArrayList<>();
        n.path("timeline").forEach(t -> timeline.add(t.asText()));
        incidents.add(
            new Incident(
                n.path("id").asText(),
                n.path("title").asText(),
                n.path("alertName").asText(),
                labels,
                Instant.parse(n.path("startedAt").asText()),
                Instant.parse(n.path("resolvedAt").asText()),
                timeline,
                n.path("analysis").asText(),
                n.path("resolution").asText(),
                n.path("resolvedBy").asText(),
                ""));
      }
      return incidents;
    }
  }
}
