package lookout.knowledge;

import java.util.ArrayList;
import java.util.List;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.index.IndexDocument;

/** How runbook sections and incidents become searchable documents. */
final class Documents {
  private Documents() {}

  /**
   * One document per section of one runbook file.
   *
   * @param source the file's identity in the index ({@code file:/abs/path.md} or {@code
   *     bundle:name.md}), so equal relative paths under two folders stay distinct
   */
  static List<IndexDocument> runbook(String source, List<RunbookSection> sections) {
    List<IndexDocument> docs = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      RunbookSection s = sections.get(i);
      docs.add(
          new IndexDocument(
              "runbook:" + source + "#" + i,
              IndexDocument.RUNBOOK,
              s.title(),
              alertName(s.path()),
              s.heading(),
              s.body(),
              "",
              "",
              "",
              null,
              s.location(),
              "runbook:" + source));
    }
    return docs;
  }

  /** The prometheus-operator convention: a runbook file is named after its alert. */
  static String alertName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
    return name.startsWith("_") ? "" : name;
  }

  static IndexDocument incident(Incident i) {
    StringBuilder body = new StringBuilder();
    i.timeline().forEach(line -> body.append(line).append('\n'));
    append(body, "Analysis", i.analysis());
    append(body, "Resolution", i.resolution());
    append(body, "Resolved by", i.resolvedBy());
    String service = i.label("service").isEmpty() ? i.label("app") : i.label("service");
    return new IndexDocument(
        "incident:" + i.id(),
        IndexDocument.INCIDENT,
        i.title(),
        i.alertName(),
        "",
        body.toString().strip(),
        i.label("namespace"),
        service,
        i.label("cluster"),
        i.startedAt(),
        i.threadLink().isEmpty() ? "incident:" + i.id() : i.threadLink(),
        "incident:" + i.id());
  }

  private static void append(StringBuilder body, String label, String text) {
    if (!text.isBlank()) {
      body.append(label).append(": ").append(text).append('\n');
    }
  }
}
