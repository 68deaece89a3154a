package lookout.adapters.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import lookout.adapters.chat.Part;

/**
 * The console API's JSON shapes. Every message carries {@code id, channel, thread} (the root's id
 * for replies, null for roots), {@code author {kind: user|bot, name}}, {@code createdAt}, {@code
 * updatedAt} (ISO-8601) and {@code version}; user messages add {@code text}, bot messages {@code
 * summary} and typed {@code parts}.
 */
final class JsonViews {
  private JsonViews() {}

  static JsonObject snapshot(Snapshot snapshot) {
    JsonArray messages = new JsonArray();
    snapshot.messages().forEach(m -> messages.add(message(m)));
    return new JsonObject()
        .put("channel", snapshot.channel())
        .put("version", snapshot.version())
        .put("messages", messages);
  }

  static JsonObject message(ConsoleMessage m) {
    JsonObject json =
        new JsonObject()
            .put("id", m.id())
            .put("channel", m.channel())
            .put("thread", m.thread())
            .put(
                "author",
                new JsonObject()
                    .put("kind", m.author().kind().name().toLowerCase(Locale.ROOT))
                    .put("name", m.author().name()))
            .put("createdAt", m.createdAt().toString())
            .put("updatedAt", m.updatedAt().toString())
            .put("version", m.version());
    if (m.content() == null) {
      return json.put("text", m.text());
    }
    JsonArray parts = new JsonArray();
    m.content().parts().forEach(p -> parts.add(part(p)));
    return json.put("summary", m.content().summary()).put("parts", parts);
  }

  static JsonObject part(Part part) {
    return switch (part) {
      case Part.Section s ->
          new JsonObject().put("type", "section").put("heading", s.heading()).put("text", s.text());
      case Part.Facts f -> {
        JsonArray facts = new JsonArray();
        f.facts()
            .forEach(
                x -> facts.add(new JsonObject().put("label", x.label()).put("value", x.value())));
        yield new JsonObject().put("type", "facts").put("facts", facts);
      }
      case Part.Code c -> new JsonObject().put("type", "code").put("text", c.text());
      case Part.Note n -> new JsonObject().put("type", "note").put("text", n.text());
      case Part.Image i ->
          new JsonObject()
              .put("type", "image")
              .put("title", i.title())
              .put("png", java.util.Base64.getEncoder().encodeToString(i.png()));
      case Part.Actions a -> {
        JsonArray buttons = new JsonArray();
        a.buttons().forEach(b -> buttons.add(button(b)));
        yield new JsonObject().put("type", "actions").put("buttons", buttons);
      }
    };
  }

  private static JsonObject button(Part.Button b) {
    return new JsonObject()
        .put("label", b.label())
        .put("token", b.token())
        .put("style", b.style().name().toLowerCase(Locale.ROOT));
  }
}
