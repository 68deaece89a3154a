package lookout.agent.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.Answer;

/** The command list, in English and Chinese, from the reviewed resource {@code help.txt}. */
final class HelpText {
  private static final String RESOURCE = "/lookout/agent/offline/help.txt";

  private final List<Answer.Section> sections;

  HelpText() {
    this.sections = parse(load());
  }

  Answer help() {
    return Replies.of(
        "Lookout is in offline mode (no LLM): it understands these requests.", sections);
  }

  Answer notUnderstood(String text) {
    String shown = text == null ? "" : text.strip();
    if (shown.length() > 80) {
      shown = shown.substring(0, 79) + "…";
    }
    return Replies.of(
        "I did not understand \"" + shown + "\". In offline mode I understand these" + " requests:",
        sections);
  }

  List<Answer.Section> sections() {
    return sections;
  }

  static List<Answer.Section> parse(String text) {
    List<Answer.Section> out = new ArrayList<>();
    String heading = null;
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("## ")) {
        if (heading != null) {
          out.add(Replies.section(heading, lines));
        }
        heading = line.substring(3).strip();
        lines = new ArrayList<>();
      } else if (!line.startsWith("#") && !line.isBlank() && heading != null) {
        lines.add(line.strip());
      }
    }
    if (heading != null) {
      out.add(Replies.section(heading, lines));
    }
    return List.copyOf(out);
  }

  private static String load() {
    try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("help text resource missing: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + RESOURCE, e);
    }
  }
}
