package lookout.adapters.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/**
 * Renders a neutral {@link Message} to Block Kit within Slack's limits: at most {@value
 * #MAX_BLOCKS} blocks, {@value #SECTION_TEXT} characters per section text, 10 fields of {@value
 * #FIELD_TEXT} characters per section, 25 buttons per actions block, {@value #BUTTON_VALUE}
 * characters per button value and {@value #ACTION_ID} per action id. Long sections and code are
 * split at line breaks into consecutive blocks. {@link #render} makes one message (for {@code
 * chat.update}): past 50 blocks the content is cut with a note saying so, and the buttons are
 * always kept; {@link SlackPostPlan} spreads a long post over several messages or a file instead.
 * Stateless.
 */
public final class BlockKitRenderer {
  static final int MAX_BLOCKS = 50;
  static final int SECTION_TEXT = 3000;
  static final int FIELD_TEXT = 2000;
  static final int FIELDS = 10;
  static final int BUTTONS = 25;
  static final int BUTTON_TEXT = 75;
  static final int BUTTON_VALUE = 2000;
  static final int ACTION_ID = 255;
  static final int FALLBACK_TEXT = 3000;
  private static final String FENCE = "```";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What {@code chat.postMessage} and {@code chat.update} take: fallback text and blocks. */
  public record Rendered(String text, ArrayNode blocks) {
    public String blocksJson() {
      try {
        return JSON.writeValueAsString(blocks);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("while writing Block Kit JSON", e);
      }
    }
  }

  /** One Slack message: at most 50 blocks, the tail cut with a note when there is more. */
  public Rendered render(Message message) {
    List<ObjectNode> blocks = blocks(message);
    return rendered(
        fallback(message.summary()), blocks.size() <= MAX_BLOCKS ? blocks : cut(blocks));
  }

  /** Every block {@code message} needs, possibly more than one Slack message can hold. */
  List<ObjectNode> blocks(Message message) {
    List<ObjectNode> blocks = new ArrayList<>();
    blocks.add(section(bold(message.summary(), SECTION_TEXT)));
    int button = 0;
    for (Part part : message.parts()) {
      switch (part) {
        case Part.Section s -> sections(blocks, s);
        case Part.Facts f -> facts(blocks, f);
        case Part.Code c -> code(blocks, c);
        case Part.Note n -> blocks.add(context(n.text()));
        // Pictures are uploaded as files into the thread by the adapter, not drawn as blocks.
        case Part.Image i -> blocks.add(context("chart: " + i.title() + " (attached)"));
        case Part.Actions a -> button = actions(blocks, a, button);
      }
    }
    return blocks;
  }

  static Rendered rendered(String text, List<ObjectNode> blocks) {
    ArrayNode out = NODES.arrayNode();
    blocks.forEach(out::add);
    return new Rendered(text, out);
  }

  /** Notification text: the summary, escaped and short enough. */
  static String fallback(String summary) {
    return MrkdwnChunks.truncate(MrkdwnChunks.escape(summary), FALLBACK_TEXT);
  }

  static boolean isActions(ObjectNode block) {
    return block.path("type").asText().equals("actions");
  }

  /**
   * Keeps the first content blocks that fit, then a note saying how many were cut, then every
   * actions block: the buttons matter more than the tail of a long answer.
   */
  private static List<ObjectNode> cut(List<ObjectNode> blocks) {
    List<ObjectNode> actions = blocks.stream().filter(BlockKitRenderer::isActions).toList();
    List<ObjectNode> content = blocks.stream().filter(b -> !isActions(b)).toList();
    int kept = MAX_BLOCKS - Math.min(actions.size(), MAX_BLOCKS - 2) - 1;
    List<ObjectNode> out = new ArrayList<>(content.subList(0, Math.min(kept, content.size())));
    out.add(
        context(
            "… "
                + (content.size() - out.size())
                + " more blocks were cut: the answer is longer than one Slack message can show."));
    out.addAll(actions.subList(0, Math.min(actions.size(), MAX_BLOCKS - out.size())));
    return out;
  }

  private static void sections(List<ObjectNode> out, Part.Section s) {
    String body = MrkdwnChunks.escape(s.text());
    String text =
        s.heading() == null || s.heading().isBlank()
            ? body
            : bold(s.heading(), SECTION_TEXT) + "\n" + body;
    if (text.isBlank()) {
      return;
    }
    for (String piece : MrkdwnChunks.split(text, SECTION_TEXT)) {
      if (!piece.isBlank()) {
        out.add(section(piece));
      }
    }
  }

  private static void facts(List<ObjectNode> out, Part.Facts f) {
    for (int from = 0; from < f.facts().size(); from += FIELDS) {
      ObjectNode block = NODES.objectNode().put("type", "section");
      ArrayNode fields = block.putArray("fields");
      for (Part.Fact fact : f.facts().subList(from, Math.min(from + FIELDS, f.facts().size()))) {
        String text = bold(fact.label(), FIELD_TEXT / 2) + "\n" + MrkdwnChunks.escape(fact.value());
        fields.add(mrkdwn(MrkdwnChunks.truncate(text, FIELD_TEXT)));
      }
      out.add(block);
    }
  }

  private static void code(List<ObjectNode> out, Part.Code c) {
    int budget = SECTION_TEXT - 2 * (FENCE.length() + 1);
    for (String piece : MrkdwnChunks.split(MrkdwnChunks.escape(c.text()), budget)) {
      out.add(section(FENCE + "\n" + piece + "\n" + FENCE));
    }
  }

  private static int actions(List<ObjectNode> out, Part.Actions a, int numbered) {
    int n = numbered;
    List<ObjectNode> buttons = new ArrayList<>();
    for (Part.Button b : a.buttons()) {
      if (b.token().length() > BUTTON_VALUE) {
        // Posting would fail as a whole; better the answer without this one button.
        out.add(context("“" + b.label() + "” cannot be shown: its value is too long for Slack."));
        continue;
      }
      ObjectNode button =
          NODES
              .objectNode()
              .put("type", "button")
              .put("action_id", MrkdwnChunks.truncate("lookout-" + n++, ACTION_ID))
              .put("value", b.token());
      button.set("text", plain(MrkdwnChunks.truncate(oneLine(b.label()), BUTTON_TEXT)));
      if (b.style() != Part.Style.DEFAULT) {
        button.put("style", b.style().name().toLowerCase(Locale.ROOT));
      }
      buttons.add(button);
    }
    for (int from = 0; from < buttons.size(); from += BUTTONS) {
      ObjectNode block = NODES.objectNode().put("type", "actions");
      block
          .putArray("elements")
          .addAll(buttons.subList(from, Math.min(from + BUTTONS, buttons.size())));
      out.add(block);
    }
    return n;
  }

  private static ObjectNode section(String mrkdwn) {
    ObjectNode block = NODES.objectNode().put("type", "section");
    block.set("text", mrkdwn(mrkdwn));
    return block;
  }

  static ObjectNode context(String text) {
    ObjectNode block = NODES.objectNode().put("type", "context");
    block
        .putArray("elements")
        .add(mrkdwn(MrkdwnChunks.truncate(MrkdwnChunks.escape(text), SECTION_TEXT)));
    return block;
  }

  private static ObjectNode mrkdwn(String text) {
    return NODES.objectNode().put("type", "mrkdwn").put("text", text);
  }

  private static ObjectNode plain(String text) {
    return NODES.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
  }

  /** One line of escaped bold text, at most {@code max} characters with its asterisks. */
  private static String bold(String text, int max) {
    return "*" + MrkdwnChunks.truncate(MrkdwnChunks.escape(oneLine(text)), max - 2) + "*";
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
