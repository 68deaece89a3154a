package lookout.adapters.text;

import java.util.stream.Collectors;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/** Renders a neutral {@link Message} as plain text; buttons are listed by label. */
public final class PlainText {
  private PlainText() {}

  public static String render(Message message) {
    StringBuilder out = new StringBuilder(message.summary()).append('\n');
    for (Part part : message.parts()) {
      switch (part) {
        case Part.Section s -> {
          if (s.heading() != null && !s.heading().isBlank()) {
            out.append('\n').append(s.heading()).append('\n');
          }
          if (!s.text().isBlank()) {
            out.append(s.text()).append('\n');
          }
        }
        case Part.Facts f ->
            f.facts()
                .forEach(
                    x ->
                        out.append("  ")
                            .append(x.label())
                            .append(": ")
                            .append(x.value())
                            .append('\n'));
        case Part.Code c ->
            c.text().lines().forEach(l -> out.append("    ").append(l).append('\n'));
        case Part.Note n -> out.append("(").append(n.text()).append(")\n");
        case Part.Image i -> out.append("[chart: ").append(i.title()).append("]\n");
        case Part.Actions a ->
            out.append("Buttons: ")
                .append(
                    a.buttons().stream()
                        .map(b -> "[" + b.label() + "]")
                        .collect(Collectors.joining(" ")))
                .append('\n');
      }
    }
    return out.toString();
  }
}
