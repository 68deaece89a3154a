package lookout.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart under test, rendered by the real Helm (helm-java carries it as a native library). */
final class Chart {
  /** Surefire runs in the module folder, so the chart is {@code helm/lookout}. */
  static final Path DIR = Path.of("lookout").toAbsolutePath();

  static final Path PRODUCTION = DIR.resolve("ci/production-values.yaml");
  static final String NAMESPACE = "lookout";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {}

  static Helm helm() {
    return new Helm(DIR);
  }

  /** {@code helm template lookout ./lookout -n lookout [-f values] [--set k=v ...]}. */
  static Rendered template(Path valuesFile, Map<String, ?> sets) {
    TemplateCommand template =
        helm().template().withName("lookout").withNamespace(NAMESPACE).withKubeVersion("1.31.0");
    if (valuesFile != null) {
      template.withValuesFile(valuesFile);
    }
    sets.forEach(template::set);
    return Rendered.parse(template.call());
  }

  static Rendered defaults() {
    return template(null, Map.of());
  }

  static Rendered production() {
    return template(PRODUCTION, Map.of());
  }

  /** Every manifest of a multi-document YAML stream, skipping empty documents. */
  record Rendered(String text, List<JsonNode> manifests) {
    static Rendered parse(String text) {
      List<JsonNode> docs = new ArrayList<>();
      try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(text)) {
        var it = YAML.readValues(parser, JsonNode.class);
        while (it.hasNext()) {
          JsonNode doc = it.next();
          if (doc != null && doc.has("kind")) {
            docs.add(doc);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("while parsing the rendered chart:\n" + text, e);
      }
      return new Rendered(text, List.copyOf(docs));
    }

    List<JsonNode> all(String kind) {
      return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    JsonNode one(String kind) {
      List<JsonNode> found = all(kind);
      if (found.size() != 1) {
        throw new AssertionError("expected one " + kind + ", found " + found.size());
      }
      return found.get(0);
    }

    JsonNode container() {
      return one("Deployment").at("/spec/template/spec/containers/0");
    }

    JsonNode podSpec() {
      return one("Deployment").at("/spec/template/spec");
    }
  }
}
