package lookout.adapters.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.conversations.ConversationsHistoryRequest;
import com.slack.api.methods.request.conversations.ConversationsRepliesRequest;
import com.slack.api.model.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.ConversationRef;

/**
 * A sender's key carried as Slack message metadata ({@code event_type} {@value #EVENT_TYPE},
 * payload {@code {"key": …}}), and the search for it: {@code conversations.replies} of the thread
 * for a reply, {@code conversations.history} of the channel for a top-level post, both from {@code
 * since} on, with metadata included, at most {@value #MAX_PAGES} pages of 200.
 */
final class SlackPostKeys {
  static final String EVENT_TYPE = "lookout_post";
  private static final int PAGE = 200;
  private static final int MAX_PAGES = 10;

  private final MethodsClient methods;

  SlackPostKeys(MethodsClient methods) {
    this.methods = methods;
  }

  static Message.Metadata metadata(String key) {
    return new Message.Metadata(EVENT_TYPE, Map.of("key", key));
  }

  /** The {@code ts} of the message in {@code where} that carries {@code key}, if any. */
  Optional<String> find(ConversationRef where, String key, Instant since) {
    String oldest = since.getEpochSecond() + ".000000";
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String from = cursor;
      Page found =
          where.thread() == null ? history(where, oldest, from) : replies(where, oldest, from);
      for (Message m : found.messages()) {
        if (carries(m, key)) {
          return Optional.of(m.getTs());
        }
      }
      cursor = found.next();
      if (cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private record Page(List<Message> messages, String next) {}

  private Page replies(ConversationRef where, String oldest, String cursor) {
    var r =
        SlackCalls.call(
            "while looking for an earlier post in Slack thread " + where.thread(),
            () ->
                methods.conversationsReplies(
                    ConversationsRepliesRequest.builder()
                        .channel(where.channel())
                        .ts(where.thread())
                        .oldest(oldest)
                        .includeAllMetadata(true)
                        .limit(PAGE)
                        .cursor(cursor)
                        .build()));
    return new Page(
        r.getMessages() == null ? List.of() : r.getMessages(),
        r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor());
  }

  private Page history(ConversationRef where, String oldest, String cursor) {
    var r =
        SlackCalls.call(
            "while looking for an earlier post in Slack channel " + where.channel(),
            () ->
                methods.conversationsHistory(
                    ConversationsHistoryRequest.builder()
                        .channel(where.channel())
                        .oldest(oldest)
                        .includeAllMetadata(true)
                        .limit(PAGE)
                        .cursor(cursor)
                        .build()));
    return new Page(
        r.getMessages() == null ? List.of() : r.getMessages(),
        r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor());
  }

  private static boolean carries(Message m, String key) {
    Message.Metadata metadata = m.getMetadata();
    return metadata != null
        && EVENT_TYPE.equals(metadata.getEventType())
        && metadata.getEventPayload() != null
        && key.equals(String.valueOf(metadata.getEventPayload().get("key")));
  }
}
