package lookout.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import lookout.knowledge.incidents.Incident;
import lookout.knowledge.index.IndexDocument;

/** How runbook sections and incidents become searchable documents. */
final class Documents {
  static final int ABOUT_CHARS = 400;

  /** Headings of the section that says what a runbook is about. */
  private static final Set<String> ABOUT_HEADINGS =
      Set.of("meaning", "overview", "summary", "description", "symptoms", "含义", "概述", "说明", "现象");

  private Documents() {}

  /**
   * One document per section of one runbook file.
   *
   * @param source the file's identity in the index ({@code file:/abs/path.md} or {@code
   *     bundle:name.md}), so equal relative paths under two folders stay distinct
   */
  static List<IndexDocument> runbook(String source, List<RunbookSection> sections) {
    String about = about(sections);
    List<IndexDocument> docs = new ArrayList<>();
    for (int i = 0; i < sections.size(); i++) {
      RunbookSection s = sections.get(i);
      docs.add(
          new IndexDocument(
              "runbook:" + source + "#" + i,
              IndexDocument.RUNBOOK,
              s.title(),
              alertName(s.path()),
              about,
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

  /**
   * What a runbook is about: its "Meaning" (or overview) section, else the text before the first
   * heading, else its first section; cut to {@link #ABOUT_CHARS} characters.
   */
  static String about(List<RunbookSection> sections) {
    RunbookSection chosen = null;
    for (RunbookSection s : sections) {
      if (ABOUT_HEADINGS.contains(s.heading().strip().toLowerCase(Locale.ROOT))) {
        chosen = s;
        break;
      }
      if (chosen == null && s.heading().isEmpty()) {
        chosen = s;
      }
    }
    if (chosen == null && !sections.isEmpty()) {
      chosen = sections.get(0);
    }
    if (chosen == null) {
      return "";
    }
    String text =
        chosen.body().replaceAll("</?[a-zA-Z][^>]*>", " ").replaceAll("\\s+", " ").strip();
    return text.length() <= ABOUT_CHARS ? text : text.substring(0, ABOUT_CHARS);
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
