package lookout.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a Markdown runbook into sections by heading, so a hit can point at "Diagnosis" rather than
 * the whole file. Front matter ({@code ---} block) is read for the title and otherwise skipped.
 */
public final class MarkdownRunbooks {
  private MarkdownRunbooks() {}

  public static List<RunbookSection> split(String path, String markdown) {
    List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
    int start = 0;
    String title = null;
    if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().equals("---")) {
          start = i + 1;
          break;
        }
        if (line.startsWith("title:")) {
          title = unquote(line.substring("title:".length()).strip());
        }
      }
    }
    List<RunbookSection> sections = new ArrayList<>();
    String heading = "";
    StringBuilder body = new StringBuilder();
    boolean inFence = false;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      }
      if (!inFence && line.startsWith("#")) {
        String text = line.replaceFirst("^#+", "").strip();
        if (title == null && line.startsWith("# ")) {
          title = text;
        }
        if (line.startsWith("# ")) {
          // The H1 repeats the title; keep collecting into the preamble.
          continue;
        }
        add(sections, path, heading, body);
        heading = text;
        body.setLength(0);
        continue;
      }
      body.append(line).append('\n');
    }
    add(sections, path, heading, body);
    String finalTitle = title == null ? fileName(path) : title;
    return sections.stream()
        .map(s -> new RunbookSection(s.path(), finalTitle, s.heading(), s.anchor(), s.body()))
        .toList();
  }

  private static void add(
      List<RunbookSection> sections, String path, String heading, StringBuilder body) {
    String text = body.toString().strip();
    if (text.isEmpty()) {
      return;
    }
    sections.add(new RunbookSection(path, "", heading, anchor(heading), text));
  }

  /** GitHub/Hugo style anchor: lower case, spaces to dashes, punctuation dropped. */
  static String anchor(String heading) {
    return heading
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} -]", "")
        .strip()
        .replace(' ', '-');
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static String fileName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
  }
}
