package lookout.adapters.feishu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * Renders a neutral {@link Message} to a Feishu interactive card (JSON 2.0) within Feishu's limits:
 * the card JSON stays under {@value #MAX_BYTES} bytes of UTF-8 (Feishu refuses cards over 30 KB;
 * Chinese text takes three bytes a character, so the budget is counted in bytes). Text the bot did
 * not write is shown as {@code plain_text}, never as markdown, so nothing in a log line or a name
 * can turn into markup; code goes into a fenced markdown block. When the content does not fit, the
 * tail is cut with a note saying so and the buttons are always kept. Buttons carry their token in a
 * {@code callback} behaviour's value under {@value #TOKEN_KEY}. Stateless.
 */
public final class CardRenderer {
  static final int MAX_BYTES = 28 * 1024;
  static final String TOKEN_KEY = "token";
  static final int TITLE = 200;
  static final int BUTTON_TEXT = 60;
  static final int TOKEN_MAX = 2000;
  private static final String FENCE = "```";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The card as Feishu takes it in {@code content}, and its one-line summary. */
  public record Rendered(String json, String summary) {}

  public Rendered render(Message message) {
    return render(message, Map.of());
  }

  /**
   * @param imageKeys uploaded pictures' {@code image_key}s by {@link FeishuImages#hash}; a picture
   *     without one is named in a note instead
   */
  public Rendered render(Message message, Map<String, String> imageKeys) {
    List<ObjectNode> elements = new ArrayList<>();
    for (Part part : message.parts()) {
      switch (part) {
        case Part.Section s -> section(elements, s);
        case Part.Facts f -> facts(elements, f);
        case Part.Code c -> elements.add(code(c.text()));
        case Part.Note n -> elements.add(note(n.text()));
        case Part.Image i -> elements.add(image(i, imageKeys.get(FeishuImages.hash(i.png()))));
        case Part.Actions a -> actions(elements, a);
      }
    }
    ObjectNode card = NODES.objectNode().put("schema", "2.0");
    String summary = CardText.cut(CardText.oneLine(message.summary()), TITLE);
    ObjectNode config = card.putObject("config").put("update_multi", true);
    config.putObject("summary").put("content", summary);
    ObjectNode header = card.putObject("header").put("template", "blue");
    header.set("title", plain(summary));
    ArrayNode body = card.putObject("body").putArray("elements");
    int budget =
        MAX_BYTES
            - bytes(card)
            - elements.stream().filter(CardRenderer::isActions).mapToInt(e -> bytes(e) + 1).sum();
    fit(elements, budget).forEach(body::add);
    return new Rendered(write(card), summary);
  }

  private static boolean isActions(ObjectNode element) {
    return element.path("tag").asText().equals("column_set");
  }

  /**
   * The elements in order, every button row kept; content is kept while it fits in {@code budget}
   * bytes, the first that does not is shortened when there is room, the rest is dropped, and a note
   * at the cut says how many parts were cut.
   */
  private static List<ObjectNode> fit(List<ObjectNode> elements, int budget) {
    int noteRoom = 400;
    long contentCount = elements.stream().filter(e -> !isActions(e)).count();
    int used = 0;
    int seen = 0;
    boolean cutting = false;
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode element : elements) {
      if (isActions(element)) {
        out.add(element);
        continue;
      }
      seen++;
      if (cutting) {
        continue;
      }
      int size = bytes(element) + 1;
      boolean last = seen == contentCount;
      if (used + size <= budget - (last ? 0 : noteRoom)) {
        out.add(element);
        used += size;
        continue;
      }
      cutting = true;
      int room = budget - noteRoom - used;
      if (room > 600) {
        out.add(shortened(element, room));
      }
      out.add(
          note(
              "… "
                  + (contentCount - seen + 1)
                  + " more parts were cut: the answer is longer than one Feishu card can show."));
    }
    return out;
  }

  /** The element with its text cut so the whole element takes at most {@code room} bytes. */
  private static ObjectNode shortened(ObjectNode element, int room) {
    boolean markdown = element.path("tag").asText().equals("markdown");
    String text =
        markdown ? element.path("content").asText() : element.path("text").path("content").asText();
    String body =
        markdown ? text.substring(FENCE.length() + 1, text.length() - FENCE.length() - 1) : text;
    // JSON escapes make bytes on the wire differ from the text's; shrink until it fits.
    int target = body.getBytes(StandardCharsets.UTF_8).length - (bytes(element) - room);
    while (true) {
      String kept = CardText.cutBytes(body, Math.max(target, 0));
      ObjectNode out = markdown ? code(kept + "\n…") : plainDiv(kept + " …", element);
      int over = bytes(out) - room;
      if (over <= 0 || target <= 0) {
        return out;
      }
      target -= over + 8;
    }
  }

  private static void section(List<ObjectNode> out, Part.Section s) {
    if (s.heading() != null && !s.heading().isBlank()) {
      ObjectNode heading = div(CardText.cut(CardText.oneLine(s.heading()), TITLE));
      ((ObjectNode) heading.get("text")).put("text_size", "heading");
      out.add(heading);
    }
    if (!s.text().isBlank()) {
      out.add(div(s.text().strip()));
    }
  }

  private static void facts(List<ObjectNode> out, Part.Facts f) {
    if (f.facts().isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Part.Fact fact : f.facts()) {
      text.append(CardText.oneLine(fact.label()))
          .append(": ")
          .append(fact.value().strip())
          .append('\n');
    }
    out.add(div(text.toString().strip()));
  }

  private static ObjectNode code(String text) {
    // A fence inside the text would end the block early; a look-alike keeps it readable.
    String safe = text.replace(FENCE, "ˋˋˋ");
    return NODES
        .objectNode()
        .put("tag", "markdown")
        .put("content", FENCE + "\n" + safe + "\n" + FENCE);
  }

  private static ObjectNode image(Part.Image i, String key) {
    if (key == null) {
      return note("chart: " + i.title());
    }
    ObjectNode img = NODES.objectNode().put("tag", "img").put("img_key", key);
    img.set("alt", plain(CardText.cut(i.title(), 100)));
    img.set("title", plain(CardText.cut(i.title(), 100)));
    return img.put("scale_type", "fit_horizontal");
  }

  private static ObjectNode note(String text) {
    ObjectNode note = div(text.strip());
    ((ObjectNode) note.get("text")).put("text_size", "notation").put("text_color", "grey");
    return note;
  }

  private static void actions(List<ObjectNode> out, Part.Actions a) {
    ObjectNode row = NODES.objectNode().put("tag", "column_set").put("flex_mode", "flow");
    ArrayNode columns = row.putArray("columns");
    for (Part.Button b : a.buttons()) {
      if (b.token().length() > TOKEN_MAX) {
        // Posting would fail as a whole; better the answer without this one button.
        out.add(note("“" + b.label() + "” cannot be shown: its value is too long for Feishu."));
        continue;
      }
      ObjectNode button = NODES.objectNode().put("tag", "button").put("type", type(b.style()));
      button.set("text", plain(CardText.cut(CardText.oneLine(b.label()), BUTTON_TEXT)));
      ObjectNode behaviour = button.putArray("behaviors").addObject().put("type", "callback");
      behaviour.putObject("value").put(TOKEN_KEY, b.token());
      ObjectNode column = columns.addObject().put("tag", "column").put("width", "auto");
      column.putArray("elements").add(button);
    }
    if (!columns.isEmpty()) {
      out.add(row);
    }
  }

  private static String type(Part.Style style) {
    return switch (style) {
      case PRIMARY -> "primary";
      case DANGER -> "danger";
      case DEFAULT -> "default";
    };
  }

  private static ObjectNode div(String text) {
    ObjectNode div = NODES.objectNode().put("tag", "div");
    div.set("text", plain(text));
    return div;
  }

  private static ObjectNode plainDiv(String text, ObjectNode like) {
    ObjectNode copy = like.deepCopy();
    ((ObjectNode) copy.get("text")).put("content", text);
    return copy;
  }

  private static ObjectNode plain(String text) {
    return NODES.objectNode().put("tag", "plain_text").put("content", text);
  }

  private static int bytes(ObjectNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8).length;
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("while writing a Feishu card", e);
    }
  }
}
