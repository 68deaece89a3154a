package lookout.knowledge.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which runbook files a corpus has: the full prometheus-operator copy, or the bundled samples. */
final class RunbookCorpus {
  private RunbookCorpus() {}

  static Set<String> files(boolean bundled) {
    if (bundled) {
      try (InputStream in =
          RunbookCorpus.class.getResourceAsStream("/lookout/knowledge/runbooks/INDEX")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .collect(Collectors.toSet());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path root = EvalQuery.corpus();
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> p.toString().endsWith(".md"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
