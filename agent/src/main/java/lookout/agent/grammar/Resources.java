package lookout.agent.grammar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Word lists kept as reviewed resources next to the grammar. */
final class Resources {
  private Resources() {}

  /** The words of a resource: whitespace-separated, {@code #} to the end of a line is a comment. */
  static Set<String> words(String name) {
    String path = "/lookout/agent/grammar/" + name;
    try (InputStream in = Resources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("word list resource missing: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(l -> l.replaceAll("#.*", ""))
          .flatMap(l -> Arrays.stream(l.strip().split("\\s+")))
          .filter(w -> !w.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + path, e);
    }
  }
}
