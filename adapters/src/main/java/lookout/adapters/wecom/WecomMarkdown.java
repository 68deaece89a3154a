package lookout.adapters.wecom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * Renders a neutral message as WeCom markdown (the subset app messages, AI-bot replies and group
 * robots share: headings, bold, quotes, {@code <font color>}) within WeCom's 4,096-byte limit. The
 * summary comes first; an answer that does not fit is cut at a part or line boundary with a note
 * saying how much was left out. Buttons cannot be pressed in markdown, so they are listed as text
 * telling the reader what to say instead.
 */
public final class WecomMarkdown {
  /** WeCom's limit for {@code markdown.content}, in UTF-8 bytes. */
  public static final int LIMIT = 4096;

  private final int limit;

  public WecomMarkdown() {
    this(LIMIT);
  }

  WecomMarkdown(int limit) {
    this.limit = limit;
  }

  public String render(Message message) {
    List<String> blocks = new ArrayList<>();
    for (Part part : message.parts()) {
      String b = block(part);
      if (!b.isEmpty()) {
        blocks.add(b);
      }
    }
    String actions = actions(message.buttons());
    String head = "**" + oneLine(message.summary()) + "**";
    StringBuilder out = new StringBuilder(cut(head, limit / 4));
    int reserve = bytes(actions) + 160;
    int cutParts = 0;
    for (int i = 0; i < blocks.size(); i++) {
      String next = "\n\n" + blocks.get(i);
      int room = limit - reserve - bytes(out);
      if (bytes(next) <= room) {
        out.append(next);
      } else {
        if (room > 200) {
          out.append(cutAtLine(next, room));
        }
        cutParts = blocks.size() - i;
        break;
      }
    }
    if (cutParts > 0) {
      out.append("\n\n<font color=\"comment\">… ")
          .append(cutParts)
          .append(cutParts == 1 ? " part" : " parts")
          .append(" cut to fit WeCom's 4,096-byte limit; ask a narrower question.</font>");
    }
    if (!actions.isEmpty()) {
      out.append("\n\n").append(actions);
    }
    return cut(out.toString(), limit);
  }

  private static String block(Part part) {
    return switch (part) {
      case Part.Section s ->
          (s.heading() == null ? "" : "### " + oneLine(s.heading()) + "\n") + s.text().strip();
      case Part.Facts f ->
          f.facts().stream()
              .map(
                  x ->
                      "> "
                          + oneLine(x.label())
                          + ": <font color=\"info\">"
                          + oneLine(x.value())
                          + "</font>")
              .collect(Collectors.joining("\n"));
      case Part.Code c ->
          c.text()
              .lines()
              .map(l -> "> <font color=\"comment\">" + l + "</font>")
              .collect(Collectors.joining("\n"));
      case Part.Note n -> "<font color=\"comment\">" + n.text().strip() + "</font>";
      // Images need a media upload WeCom markdown cannot reference: the chart is named only.
      case Part.Image i -> "<font color=\"comment\">chart: " + i.title().strip() + "</font>";
      case Part.Actions a -> "";
    };
  }

  private static String actions(List<Part.Button> buttons) {
    if (buttons.isEmpty()) {
      return "";
    }
    return "Buttons are not available here — say one of these to me instead: "
        + buttons.stream()
            .map(b -> "**" + oneLine(b.label()) + "**")
            .collect(Collectors.joining(" · "));
  }

  static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  static int bytes(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  /** The longest prefix of whole lines within {@code room} bytes (or a cut line if none fits). */
  private static String cutAtLine(String text, int room) {
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String add = (kept.isEmpty() ? "" : "\n") + line;
      if (bytes(kept) + bytes(add) > room) {
        break;
      }
      kept.append(add);
    }
    return kept.isEmpty() ? cut(text, room) : kept.toString();
  }

  /** {@code s} cut to at most {@code max} UTF-8 bytes without splitting a character. */
  static String cut(String s, int max) {
    if (bytes(s) <= max) {
      return s;
    }
    int used = 0;
    int i = 0;
    String ellipsis = "…";
    int budget = max - bytes(ellipsis);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + n > budget) {
        break;
      }
      used += n;
      i += Character.charCount(cp);
    }
    return s.substring(0, i) + ellipsis;
  }
}
