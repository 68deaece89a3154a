package lookout.adapters.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * How one neutral message becomes Slack posts when it is long. A log excerpt longer than {@value
 * #CODE_INLINE} characters shows its last lines inline and goes whole into a text file; an answer
 * that still needs more than 50 blocks continues in up to {@value #MAX_MESSAGES} messages in the
 * thread, each saying which part it is; past that the first message keeps what fits, says so, and
 * the whole answer is attached as a file. Buttons always stay in the first message, the one {@code
 * chat.update} later edits.
 *
 * @param messages the first is the answer itself, the others continue it in its thread
 * @param files uploaded into the same thread after the messages
 */
public record SlackPostPlan(List<BlockKitRenderer.Rendered> messages, List<SlackFile> files) {
  static final int CODE_INLINE = 2 * BlockKitRenderer.SECTION_TEXT;
  static final int MAX_MESSAGES = 4;
  static final String ANSWER_FILE = "lookout-answer.txt";

  /** A file to upload into the thread: its name, its title in Slack, and its bytes. */
  public record SlackFile(String filename, String title, byte[] data) {
    public SlackFile {
      data = data.clone();
    }

    static SlackFile text(String filename, String title, String content) {
      return new SlackFile(filename, title, content.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] data() {
      return data.clone();
    }

    /** The content of a text file. */
    public String content() {
      return new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof SlackFile f
          && f.filename.equals(filename)
          && f.title.equals(title)
          && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
      return filename.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "SlackFile[" + filename + ", " + data.length + " bytes]";
    }
  }

  public SlackPostPlan {
    messages = List.copyOf(messages);
    files = List.copyOf(files);
  }

  public static SlackPostPlan of(Message message, BlockKitRenderer renderer) {
    List<SlackFile> files = new ArrayList<>();
    Message inline = withLongCodeAsFiles(message, files);
    List<ObjectNode> blocks = renderer.blocks(inline);
    String text = BlockKitRenderer.fallback(message.summary());
    if (blocks.size() <= BlockKitRenderer.MAX_BLOCKS) {
      return new SlackPostPlan(List.of(BlockKitRenderer.rendered(text, blocks)), files);
    }
    List<ObjectNode> actions = blocks.stream().filter(BlockKitRenderer::isActions).toList();
    List<ObjectNode> content = blocks.stream().filter(b -> !BlockKitRenderer.isActions(b)).toList();
    int first = Math.max(1, BlockKitRenderer.MAX_BLOCKS - 1 - actions.size());
    int rest = BlockKitRenderer.MAX_BLOCKS - 1;
    int pages = 1 + (Math.max(0, content.size() - first) + rest - 1) / rest;
    if (pages > MAX_MESSAGES) {
      List<ObjectNode> only = new ArrayList<>(content.subList(0, first));
      only.add(
          BlockKitRenderer.context(
              "This answer is too long for Slack messages: the first part is above, the whole"
                  + " answer is in the attached file "
                  + ANSWER_FILE
                  + "."));
      only.addAll(
          actions.subList(0, Math.min(actions.size(), BlockKitRenderer.MAX_BLOCKS - only.size())));
      List<SlackFile> all = new ArrayList<>(files);
      all.add(SlackFile.text(ANSWER_FILE, "Whole answer: " + message.summary(), plain(message)));
      return new SlackPostPlan(List.of(BlockKitRenderer.rendered(text, only)), all);
    }
    List<BlockKitRenderer.Rendered> messages = new ArrayList<>();
    List<ObjectNode> head = new ArrayList<>(content.subList(0, first));
    head.add(BlockKitRenderer.context("(1/" + pages + ") continued in the thread below"));
    head.addAll(
        actions.subList(0, Math.min(actions.size(), BlockKitRenderer.MAX_BLOCKS - head.size())));
    messages.add(BlockKitRenderer.rendered(text, head));
    for (int from = first, page = 2; from < content.size(); from += rest, page++) {
      List<ObjectNode> part =
          new ArrayList<>(content.subList(from, Math.min(from + rest, content.size())));
      part.add(BlockKitRenderer.context("(" + page + "/" + pages + ") " + message.summary()));
      messages.add(
          BlockKitRenderer.rendered(
              BlockKitRenderer.fallback(message.summary() + " (" + page + "/" + pages + ")"),
              part));
    }
    return new SlackPostPlan(messages, files);
  }

  /**
   * Replaces each long code part by its last lines and a note naming the file that holds it whole:
   * in a log excerpt the end is usually what matters.
   */
  private static Message withLongCodeAsFiles(Message message, List<SlackFile> files) {
    List<Part> parts = new ArrayList<>();
    for (Part part : message.parts()) {
      if (part instanceof Part.Image image) {
        // Charts go into the thread as PNG files; the message keeps a line naming them.
        files.add(
            new SlackFile("chart-" + (files.size() + 1) + ".png", image.title(), image.png()));
        parts.add(part);
        continue;
      }
      if (!(part instanceof Part.Code code) || code.text().length() <= CODE_INLINE) {
        parts.add(part);
        continue;
      }
      String name = "lookout-excerpt-" + (files.size() + 1) + ".txt";
      files.add(SlackFile.text(name, "Excerpt " + (files.size() + 1), code.text()));
      String[] lines = code.text().split("\n", -1);
      int budget = BlockKitRenderer.SECTION_TEXT - 200;
      int from = lines.length;
      int size = 0;
      while (from > 0 && size + lines[from - 1].length() + 1 <= budget) {
        size += lines[--from].length() + 1;
      }
      if (from == lines.length) {
        // One enormous last line: show its end.
        lines = new String[] {MrkdwnChunks.tail(lines[lines.length - 1], budget)};
        from = 0;
      }
      parts.add(new Part.Code(String.join("\n", List.of(lines).subList(from, lines.length))));
      parts.add(
          new Part.Note(
              "The last "
                  + (lines.length - from)
                  + " lines are shown; the whole excerpt ("
                  + code.text().split("\n", -1).length
                  + " lines) is in the attached file "
                  + name
                  + "."));
    }
    return new Message(message.summary(), parts);
  }

  /** The whole message as plain text, for the file: what a reader needs, without markup. */
  static String plain(Message message) {
    StringBuilder out = new StringBuilder(message.summary()).append("\n");
    for (Part part : message.parts()) {
      out.append('\n');
      switch (part) {
        case Part.Section s -> {
          if (s.heading() != null && !s.heading().isBlank()) {
            out.append(s.heading()).append('\n');
          }
          out.append(s.text()).append('\n');
        }
        case Part.Facts f ->
            f.facts()
                .forEach(x -> out.append(x.label()).append(": ").append(x.value()).append('\n'));
        case Part.Code c -> out.append(c.text()).append('\n');
        case Part.Note n -> out.append("— ").append(n.text()).append('\n');
        case Part.Image i -> out.append("[chart: ").append(i.title()).append("]\n");
        case Part.Actions a ->
            out.append("(buttons are on the message in Slack: ")
                .append(String.join(", ", a.buttons().stream().map(Part.Button::label).toList()))
                .append(")\n");
      }
    }
    return out.toString();
  }
}
