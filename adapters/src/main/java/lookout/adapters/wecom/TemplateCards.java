package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * Renders a message with buttons as a WeCom {@code template_card} of type {@code
 * button_interaction}: the summary as the main title, the first text as the subtitle, up to six
 * facts as horizontal content and up to six buttons whose {@code key} is the button's token (WeCom
 * echoes it back as {@code EventKey}). Lengths follow WeCom's card limits; a button whose token is
 * longer than the 1,024 bytes a key may hold is left out and said so in the subtitle.
 */
public final class TemplateCards {
  static final int MAX_KEY_BYTES = 1024;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public ObjectNode render(Message message, String taskId) {
    ObjectNode card = NODES.objectNode().put("card_type", "button_interaction");
    card.putObject("main_title").put("title", cut(message.summary(), 36));
    List<String> texts = new ArrayList<>();
    ArrayNode facts = NODES.arrayNode();
    for (Part p : message.parts()) {
      switch (p) {
        case Part.Section s -> texts.add(s.text());
        case Part.Note n -> texts.add(n.text());
        case Part.Image i -> texts.add("chart: " + i.title());
        case Part.Code c -> texts.add(c.text().lines().findFirst().orElse(""));
        case Part.Facts f -> {
          for (Part.Fact fact : f.facts()) {
            if (facts.size() < 6) {
              facts
                  .addObject()
                  .put("keyname", cut(fact.label(), 16))
                  .put("value", cut(fact.value(), 60));
            }
          }
        }
        case Part.Actions a -> {}
      }
    }
    ArrayNode buttons = NODES.arrayNode();
    int dropped = 0;
    for (Part.Button b : message.buttons()) {
      if (buttons.size() == 6
          || b.token().getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
        dropped++;
        continue;
      }
      buttons
          .addObject()
          .put("text", cut(b.label(), 20))
          .put("style", style(b.style()))
          .put("key", b.token());
    }
    if (dropped > 0) {
      texts.add(dropped + " more action(s) could not be shown as buttons; ask in the chat.");
    }
    if (!texts.isEmpty()) {
      card.put("sub_title_text", cut(WecomMarkdown.oneLine(String.join(" — ", texts)), 112));
    }
    if (!facts.isEmpty()) {
      card.set("horizontal_content_list", facts);
    }
    card.put("task_id", taskId);
    card.set("button_list", buttons);
    return card;
  }

  /** The update that replaces a card's buttons with one grey line (the card is decided). */
  public ObjectNode decided(Message message) {
    ObjectNode update = NODES.objectNode();
    update.putObject("button").put("replace_name", cut(message.summary(), 36));
    return update;
  }

  /** WeCom styles: 1 blue (primary), 2 grey, 3 red, 4 light blue. */
  static int style(Part.Style s) {
    return switch (s) {
      case PRIMARY -> 1;
      case DANGER -> 3;
      case DEFAULT -> 2;
    };
  }

  private static String cut(String s, int chars) {
    String one = WecomMarkdown.oneLine(s);
    return one.codePointCount(0, one.length()) <= chars
        ? one
        : one.substring(0, one.offsetByCodePoints(0, chars - 1)) + "…";
  }
}
