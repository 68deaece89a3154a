package lookout.knowledge.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One evaluation query.
 *
 * @param expected the runbook that answers it, relative to the corpus root
 * @param type {@code alert}, {@code en} or {@code zh}
 */
public record EvalQuery(String expected, String type, String query) {
  /** The committed query set. */
  public static List<EvalQuery> load() {
    try (InputStream in =
        EvalQuery.class.getResourceAsStream("/lookout/knowledge/eval/queries.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(
              l -> {
                String[] f = l.split("\t", 3);
                if (f.length != 3) {
                  throw new IllegalArgumentException(
                      "queries.tsv: need 3 tab-separated fields: " + l);
                }
                return new EvalQuery(f[0], f[1], f[2]);
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("while reading queries.tsv", e);
    }
  }

  /** The copy of the prometheus-operator runbooks on the test classpath. */
  public static Path corpus() {
    try {
      return Path.of(
              EvalQuery.class.getResource("/corpora/runbooks-prometheus-operator/LICENSE").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("corpus not on the test classpath", e);
    }
  }
}
