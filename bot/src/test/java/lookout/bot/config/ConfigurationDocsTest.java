package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the loader: the keys the loader accepts are recorded by {@link
 * ConfigTree} while it binds the doc's own "every section" example (so a list's entry keys count
 * when the example has an entry), and the reference table must name exactly those keys.
 */
class ConfigurationDocsTest {
  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\|");
  private static final Pattern EXAMPLE =
      Pattern.compile("## A file with every section.*?```yaml\\n(.*?)```", Pattern.DOTALL);

  static Set<String> documented;
  static Set<String> accepted;

  @BeforeAll
  static void read() throws IOException {
    String doc = Files.readString(DOC);
    documented = new TreeSet<>();
    Matcher row = ROW.matcher(doc);
    while (row.find()) {
      documented.add(row.group(1));
    }
    Matcher example = EXAMPLE.matcher(doc);
    assertThat(example.find()).as("the every-section example in %s", DOC).isTrue();
    ObjectNode root = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(example.group(1));
    accepted = new ConfigLoader(Map.of()).acceptedKeys(root);
  }

  @Test
  void every_key_the_loader_accepts_is_documented() {
    Set<String> missing = new TreeSet<>(accepted);
    missing.removeAll(documented);
    // a section (server, slack, …) is documented by the rows of its keys
    missing.removeIf(k -> documented.stream().anyMatch(d -> d.startsWith(k + ".")));

    assertThat(missing).as("keys missing from %s", DOC).isEmpty();
  }

  @Test
  void every_documented_key_is_known_to_the_loader() {
    Set<String> unknown = new TreeSet<>(documented);
    unknown.removeAll(accepted);

    assertThat(unknown).as("keys in %s the loader does not accept", DOC).isEmpty();
  }

  @Test
  void every_environment_override_sets_a_key_the_loader_accepts() {
    assertThat(accepted).containsAll(EnvOverrides.VARIABLES.values());
  }
}
