package lookout.adapters.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;

/** The neutral {@link Message} as JSON, so a queued message survives a restart unchanged. */
final class MessageJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageJson() {}

  static String write(Message message) {
    ObjectNode root = JSON.createObjectNode().put("summary", message.summary());
    ArrayNode parts = root.putArray("parts");
    for (Part part : message.parts()) {
      ObjectNode p = parts.addObject();
      switch (part) {
        case Part.Section s ->
            p.put("type", "section").put("heading", s.heading()).put("text", s.text());
        case Part.Facts f -> {
          ArrayNode facts = p.put("type", "facts").putArray("facts");
          f.facts().forEach(x -> facts.addObject().put("label", x.label()).put("value", x.value()));
        }
        case Part.Code c -> p.put("type", "code").put("text", c.text());
        case Part.Note n -> p.put("type", "note").put("text", n.text());
        case Part.Image i ->
            p.put("type", "image")
                .put("title", i.title())
                .put("png", java.util.Base64.getEncoder().encodeToString(i.png()));
        case Part.Actions a -> {
          ArrayNode buttons = p.put("type", "actions").putArray("buttons");
          a.buttons()
              .forEach(
                  b ->
                      buttons
                          .addObject()
                          .put("label", b.label())
                          .put("token", b.token())
                          .put("style", b.style().name()));
        }
      }
    }
    if (!message.audience().isEmpty()) {
      ArrayNode audience = root.putArray("audience");
      message.audience().forEach(audience::add);
    }
    if (message.interim()) {
      root.put("interim", true);
    }
    return root.toString();
  }

  static Message read(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Part> parts = new ArrayList<>();
      for (JsonNode p : root.path("parts")) {
        parts.add(part(p));
      }
      List<String> audience = new ArrayList<>();
      root.path("audience").forEach(a -> audience.add(a.asText()));
      return new Message(
          root.path("summary").asText(), parts, audience, root.path("interim").asBoolean(false));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "outbox: stored message is not readable: " + e.getMessage(), e);
    }
  }

  private static Part part(JsonNode p) {
    String type = p.path("type").asText();
    return switch (type) {
      case "section" ->
          new Part.Section(
              p.hasNonNull("heading") ? p.get("heading").asText() : null, p.path("text").asText());
      case "facts" -> {
        List<Part.Fact> facts = new ArrayList<>();
        p.path("facts")
            .forEach(
                f -> facts.add(new Part.Fact(f.path("label").asText(), f.path("value").asText())));
        yield new Part.Facts(facts);
      }
      case "code" -> new Part.Code(p.path("text").asText());
      case "note" -> new Part.Note(p.path("text").asText());
      case "image" ->
          new Part.Image(
              p.path("title").asText(),
              java.util.Base64.getDecoder().decode(p.path("png").asText()));
      case "actions" -> {
        List<Part.Button> buttons = new ArrayList<>();
        p.path("buttons")
            .forEach(
                b ->
                    buttons.add(
                        new Part.Button(
                            b.path("label").asText(),
                            b.path("token").asText(),
                            Part.Style.valueOf(b.path("style").asText()))));
        yield new Part.Actions(buttons);
      }
      default -> throw new IllegalArgumentException("unknown part type \"" + type + "\"");
    };
  }
}
