package lookout.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where runbooks come from: the sample set bundled in the jar, or a folder of Markdown files. */
public final class RunbookSources {
  private static final String BUNDLE = "/lookout/knowledge/runbooks/";

  private RunbookSources() {}

  /** The sample runbooks shipped with Lookout (prometheus-operator runbooks, Apache-2.0). */
  public static List<RunbookSection> bundled() {
    List<RunbookSection> sections = new ArrayList<>();
    for (String name : read(BUNDLE + "INDEX").lines().filter(l -> !l.isBlank()).toList()) {
      sections.addAll(MarkdownRunbooks.split(name, read(BUNDLE + name)));
    }
    return sections;
  }

  /** Every {@code *.md} file under {@code root}, paths relative to it. */
  public static List<RunbookSection> folder(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("runbook folder " + root + " does not exist or is not a directory");
    }
    List<RunbookSection> sections = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        sections.addAll(MarkdownRunbooks.split(relative, Files.readString(file)));
      }
    }
    return sections;
  }

  private static String read(String resource) {
    try (InputStream in = RunbookSources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading bundled resource " + resource, e);
    }
  }
}
