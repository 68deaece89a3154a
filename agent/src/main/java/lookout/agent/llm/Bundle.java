package lookout.agent.llm;

import java.util.HashSet;
import java.util.Set;
import lookout.agent.Answer;

/**
 * The diagnosis as the model reads it: the evidence of the offline answer, tight. It goes with
 * every question, so every character is billed on every question: each line is cut to {@link
 * #MAX_LINE} characters and each section to {@link #MAX_SECTION_LINES} lines, a line the diagnosis
 * shows twice (an event under the finding and under its cause) is sent once, a heading whose lines
 * all went is dropped, and the whole stops at a budget with a note saying the rest is behind the
 * tools.
 */
final class Bundle {
  /** Characters of one line: an event's reason and message, a log line's decisive part. */
  static final int MAX_LINE = 160;

  /** Lines of one section: the diagnosis rarely shows more evidence than this for one finding. */
  static final int MAX_SECTION_LINES = 6;

  private Bundle() {}

  static String of(Answer evidence, int maxChars) {
    StringBuilder out = new StringBuilder(cut(evidence.summary()));
    Set<String> seen = new HashSet<>();
    seen.add(out.toString());
    for (Answer.Section s : evidence.sections()) {
      StringBuilder section = new StringBuilder();
      int lines = 0;
      for (String line : s.lines()) {
        String l = cut(line.strip());
        if (!l.isEmpty() && lines < MAX_SECTION_LINES && seen.add(l)) {
          section.append('\n').append(l);
          lines++;
        }
      }
      if (section.isEmpty()) {
        continue;
      }
      if (!s.heading().isBlank()) {
        out.append('\n').append(s.heading()).append(':');
      }
      out.append(section);
    }
    String text = out.toString();
    return text.length() <= maxChars ? text : head(text, maxChars) + "…(cut)";
  }

  private static String cut(String line) {
    return line.length() <= MAX_LINE ? line : head(line, MAX_LINE - 1) + "…";
  }

  /** The first {@code n} chars, one fewer when the cut would split a surrogate pair. */
  private static String head(String s, int n) {
    return s.substring(0, Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n);
  }
}
