package lookout.adapters.console;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.UserRef;

/** {@code POST /api/console/messages} (someone says something) and {@code GET} (what changed). */
final class MessagesEndpoint {
  static final int MAX_WAIT_SECONDS = 30;

  private final ConsoleAdapter adapter;
  private final ChatHandler handler;
  private final OffLoop offLoop;
  private final LongPoll longPoll;

  MessagesEndpoint(ConsoleAdapter adapter, ChatHandler handler, OffLoop offLoop) {
    this.adapter = adapter;
    this.handler = handler;
    this.offLoop = offLoop;
    this.longPoll = new LongPoll(adapter);
  }

  void post(RoutingContext rc) {
    NewMessage request = NewMessage.from(JsonFields.parse(rc.body().buffer()));
    ConsoleMessage stored;
    try {
      stored =
          adapter.postFromUser(request.channel(), request.thread(), request.user(), request.text());
    } catch (ChatException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    // The bot answers in the thread of the question: the new root's own id, or the thread replied
    // in.
    ConversationRef thread =
        new ConversationRef(ConsoleAdapter.PLATFORM, stored.channel(), stored.threadRoot());
    Inbound inbound =
        new Inbound(
            "console:" + stored.id(),
            thread,
            stored.id(),
            new UserRef(ConsoleAdapter.PLATFORM, request.user()),
            Mentions.strip(request.text()));
    offLoop.run(
        rc,
        "taking message " + stored.id() + " in console channel " + stored.channel(),
        () -> {
          handler.onMessage(inbound);
          return stored;
        },
        m ->
            Replies.json(
                rc, 202, new JsonObject().put("messageId", m.id()).put("thread", m.threadRoot())));
  }

  void list(RoutingContext rc) {
    String channel = rc.queryParams().get("channel");
    channel =
        channel == null || channel.isEmpty()
            ? ConsoleAdapter.DEFAULT_CHANNEL
            : JsonFields.name("channel", channel);
    long since = number(rc, "since", Long.MAX_VALUE);
    int wait = (int) number(rc, "wait", MAX_WAIT_SECONDS);
    longPoll.answer(rc, channel, since, wait);
  }

  int parkedPolls() {
    return longPoll.parked();
  }

  private static long number(RoutingContext rc, String name, long max) {
    String raw = rc.queryParams().get(name);
    if (raw == null || raw.isEmpty()) {
      return 0;
    }
    try {
      long value = Long.parseLong(raw);
      if (value >= 0 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    String range = max == Long.MAX_VALUE ? "0 or more" : "from 0 to " + max;
    throw ApiError.badRequest(
        name + ": \"" + abbreviate(raw) + "\" is not a whole number " + range);
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
  }
}
