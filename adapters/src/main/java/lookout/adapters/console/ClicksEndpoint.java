package lookout.adapters.console;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.UserRef;

/**
 * {@code POST /api/console/clicks}: a button press. Only a button currently on the message reaches
 * the bot, as a real platform would only deliver clicks on buttons it displays.
 */
final class ClicksEndpoint {
  private final ConsoleAdapter adapter;
  private final ChatHandler handler;
  private final OffLoop offLoop;

  ClicksEndpoint(ConsoleAdapter adapter, ChatHandler handler, OffLoop offLoop) {
    this.adapter = adapter;
    this.handler = handler;
    this.offLoop = offLoop;
  }

  void click(RoutingContext rc) {
    NewClick request = NewClick.from(JsonFields.parse(rc.body().buffer()));
    ConsoleMessage message =
        adapter
            .find(request.messageId())
            .orElseThrow(
                () -> new ApiError(404, "messageId: no console message " + request.messageId()));
    boolean onMessage = message.buttons().stream().anyMatch(b -> b.token().equals(request.token()));
    if (!onMessage) {
      throw new ApiError(409, "token: this button is no longer on the message " + message.id());
    }
    MessageRef ref =
        new MessageRef(
            new ConversationRef(ConsoleAdapter.PLATFORM, message.channel(), message.thread()),
            message.id());
    Click click =
        new Click(ref, new UserRef(ConsoleAdapter.PLATFORM, request.user()), request.token());
    offLoop.run(
        rc,
        "handling a click on console message " + message.id(),
        () -> handler.onClick(click),
        reply -> Replies.json(rc, 200, view(reply)));
  }

  private static JsonObject view(ClickReply reply) {
    if (reply == null) {
      return new JsonObject().put("accepted", false).put("notice", null);
    }
    return new JsonObject().put("accepted", reply.accepted()).put("notice", reply.notice());
  }
}
