package lookout.agent.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lookout.agent.sandbox.ScenarioApiServer;

/**
 * Reads the scenario library: {@code <root>/<part>/**.yaml} scenarios, {@code <root>/shared/} for
 * what several scenarios include (nodes, neighbours), {@code <root>/defaults.yaml} for words no
 * answer may contain. Time placeholders ({@code ${ago:2h}}) resolve against the load time, so ages
 * read the same on every run. Every problem names the file and the field.
 */
public final class ScenarioLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();
  private static final Set<String> SCENARIO_KEYS =
      Set.of("id", "class", "title", "source", "include", "questions", "expect", "objects", "logs");
  private static final Set<String> SHARED_KEYS = Set.of("title", "objects", "logs");

  private final Path root;
  private final Instant now;
  private final List<String> forbiddenEverywhere;

  public ScenarioLoader(Path root, Instant now) {
    this.root = root;
    this.now = now;
    this.forbiddenEverywhere = readDefaults(root.resolve("defaults.yaml"));
  }

  /** The library's root folder on the test classpath ({@code src/test/resources/scenarios}). */
  public static Path classpathRoot() {
    try {
      var url = ScenarioLoader.class.getResource("/scenarios/defaults.yaml");
      if (url == null) {
        throw new IllegalStateException("scenarios/defaults.yaml is not on the test classpath");
      }
      return Path.of(url.toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("scenario library path", e);
    }
  }

  /** The scenarios of one part ({@code main}, {@code frozen}), sorted by file path. */
  public List<Scenario> part(String part) {
    Path dir = root.resolve(part);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Scenario> out = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(load(part, file));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("while listing scenarios under " + dir, e);
    }
  }

  Scenario load(String part, Path file) {
    String where = root.relativize(file).toString();
    JsonNode doc = read(file, where);
    checkKeys(doc, SCENARIO_KEYS, where);
    String fileId = file.getFileName().toString().replaceFirst("\\.yaml$", "");
    String id = doc.path("id").asText(fileId);
    String failureClass = text(doc, "class", where);
    List<HasMetadata> objects = new ArrayList<>();
    Map<String, String> logs = new LinkedHashMap<>();
    for (JsonNode include : doc.path("include")) {
      Path shared = root.resolve("shared").resolve(include.asText());
      String sharedWhere = root.relativize(shared).toString();
      JsonNode sharedDoc = read(shared, sharedWhere + " (included by " + where + ")");
      checkKeys(sharedDoc, SHARED_KEYS, sharedWhere);
      objects.addAll(ScenarioObjects.objects(sharedDoc.path("objects"), sharedWhere, KUBE));
      logs.putAll(ScenarioObjects.logs(sharedDoc.path("logs"), sharedWhere));
    }
    objects.addAll(ScenarioObjects.objects(doc.path("objects"), where, KUBE));
    logs.putAll(ScenarioObjects.logs(doc.path("logs"), where));
    Expectation shared =
        doc.has("expect") ? expectation(doc.get("expect"), where + " expect") : null;
    List<Probe> probes = new ArrayList<>();
    int i = 0;
    for (JsonNode q : doc.path("questions")) {
      String qWhere = where + " questions[" + i++ + "]";
      if (q.isTextual()) {
        if (shared == null) {
          throw new ScenarioException(qWhere + ": no expect for this question or the scenario");
        }
        probes.add(new Probe(q.asText(), shared));
      } else {
        checkKeys(q, Set.of("ask", "expect"), qWhere);
        probes.add(new Probe(text(q, "ask", qWhere), expectation(q.get("expect"), qWhere)));
      }
    }
    if (probes.isEmpty()) {
      throw new ScenarioException(where + ": questions: at least one question is needed");
    }
    return new Scenario(
        id, part, failureClass, doc.path("title").asText(""), objects, logs, probes);
  }

  private Expectation expectation(JsonNode node, String where) {
    if (node == null || !node.isObject()) {
      throw new ScenarioException(where + ": expect must have mustContain and/or mustNotContain");
    }
    checkKeys(node, Set.of("mustContain", "mustNotContain"), where);
    List<List<String>> must = new ArrayList<>();
    for (JsonNode entry : node.path("mustContain")) {
      must.add(entry.isArray() ? strings(entry) : List.of(entry.asText()));
    }
    List<String> not = new ArrayList<>(strings(node.path("mustNotContain")));
    not.addAll(forbiddenEverywhere);
    if (must.stream().anyMatch(anyOf -> anyOf.isEmpty() || anyOf.contains(""))) {
      throw new ScenarioException(where + ": mustContain has an empty entry");
    }
    return new Expectation(must, not);
  }

  private JsonNode read(Path file, String where) {
    String raw;
    try {
      raw = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScenarioException(where + ": cannot be read: " + e.getMessage(), e);
    }
    String text = ScenarioApiServer.resolveTimes(raw, now);
    int left = text.indexOf("${ago:");
    if (left >= 0) {
      throw new ScenarioException(
          where
              + ": bad time placeholder near '"
              + text.substring(left, Math.min(text.length(), left + 20))
              + "' (use ${ago:<n>[smhd]})");
    }
    try {
      JsonNode doc = YAML.readTree(text);
      if (doc == null || !doc.isObject()) {
        throw new ScenarioException(where + ": not a YAML mapping");
      }
      return doc;
    } catch (IOException e) {
      throw new ScenarioException(where + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  private static List<String> readDefaults(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      JsonNode doc = YAML.readTree(file.toFile());
      return strings(doc.path("mustNotContain"));
    } catch (IOException e) {
      throw new ScenarioException("defaults.yaml: not valid YAML: " + e.getMessage(), e);
    }
  }

  static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!allowed.contains(key)) {
                throw new ScenarioException(
                    where + ": unknown field '" + key + "' (allowed: " + allowed + ")");
              }
            });
  }

  static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.asText().isBlank()) {
      throw new ScenarioException(where + ": " + field + " is required");
    }
    return value.asText();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
