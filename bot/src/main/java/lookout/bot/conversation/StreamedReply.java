package lookout.bot.conversation;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.agent.Answer;
import lookout.agent.Progress;

/**
 * One answer shown while it is made: the first interim answer (the evidence) is posted at once,
 * later ones edit that message in place no more often than the platform's {@link
 * ChatAdapter#editEvery} (those in between are dropped: each carries the whole answer so far), and
 * the final answer is the last edit. Where the surface cannot edit, the final answer goes as one
 * follow-up message. Edits carry growing versions, so a queue never shows an older one after a
 * newer one; all but the final one are marked interim, so a surface that streams (the WeCom AI bot)
 * knows when its stream ends.
 */
final class StreamedReply implements Progress {
  private final ChatAdapter adapter;
  private final ConversationRef where;
  private final AnswerMessages answers;
  private final String requester;
  private final Optional<Duration> every;
  private final LongSupplier nanos;
  private final ReentrantLock lock = new ReentrantLock();
  private MessageRef posted;
  private long lastEdit;
  private long version;

  StreamedReply(
      ChatAdapter adapter,
      ConversationRef where,
      AnswerMessages answers,
      String requester,
      LongSupplier nanos) {
    this.adapter = adapter;
    this.where = where;
    this.answers = answers;
    this.requester = requester;
    this.every = adapter.editEvery(where);
    this.nanos = nanos;
  }

  @Override
  public void interim(Answer answer) {
    // A lock, not synchronized: posting blocks, and virtual threads must not pin on Java 21.
    lock.lock();
    try {
      if (posted == null) {
        posted = adapter.post(where, answers.render(answer, requester).asInterim());
        lastEdit = nanos.getAsLong();
        return;
      }
      if (every.isEmpty() || nanos.getAsLong() - lastEdit < every.get().toNanos()) {
        return;
      }
      adapter.update(posted, answers.render(answer, requester).asInterim(), ++version);
      lastEdit = nanos.getAsLong();
    } catch (RuntimeException e) {
      // an interim edit that fails is superseded by the next one; the final answer still goes
    } finally {
      lock.unlock();
    }
  }

  /** The final answer: the last edit of the message, a follow-up, or the first post. */
  MessageRef complete(Answer answer) {
    lock.lock();
    try {
      Message message = answers.render(answer, requester);
      if (posted == null) {
        posted = adapter.post(where, message);
      } else if (every.isPresent()) {
        adapter.update(posted, message, ++version);
      } else {
        adapter.post(where, message);
      }
      return posted;
    } finally {
      lock.unlock();
    }
  }
}
