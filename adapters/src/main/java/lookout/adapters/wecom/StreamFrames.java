package lookout.adapters.wecom;

import java.time.Clock;
import java.time.Duration;

/**
 * The AI bot's stream replies (流式消息): the answer to an AI-bot message is a stream whose id is the
 * message id. The first passive reply opens it; WeCom then polls it with refresh callbacks and
 * shows the content of each reply, until one says {@code finish}. Lookout writes the newest version
 * of the answer here as it is made (the evidence, then the analysis as the model writes it) and the
 * final version finishes it. The bot keeps frames in its database, because the refresh, the
 * question and the outbox worker that writes a version may each be on a different replica; {@link
 * #inMemory} is for tests. A stream lives {@link #LIFE} (WeCom stops polling well before).
 */
public interface StreamFrames {
  Duration LIFE = Duration.ofMinutes(15);

  /** What a refresh is answered with. */
  record Frame(String content, boolean finish) {}

  /** Opens the stream of message {@code msgId}, empty, unless it is open already. */
  void open(String msgId);

  /** True while the stream of {@code msgId} is open and not finished: the answer goes into it. */
  boolean writable(String msgId);

  /**
   * The answer's newest version; {@code finish} ends the stream. False when the stream is unknown,
   * expired or finished (the caller then delivers another way).
   */
  boolean write(String msgId, String content, boolean finish);

  /** The frame for a refresh of stream {@code id}; one not known is finished, empty. */
  Frame read(String id);

  static StreamFrames inMemory(Clock clock) {
    Expiring<Frame> frames = new Expiring<>(LIFE, 10_000, clock);
    return new StreamFrames() {
      @Override
      public synchronized void open(String msgId) {
        if (frames.get(msgId).isEmpty()) {
          frames.put(msgId, new Frame("", false));
        }
      }

      @Override
      public boolean writable(String msgId) {
        return msgId != null && frames.get(msgId).map(f -> !f.finish()).orElse(false);
      }

      @Override
      public synchronized boolean write(String msgId, String content, boolean finish) {
        if (!writable(msgId)) {
          return false;
        }
        frames.put(msgId, new Frame(content, finish));
        return true;
      }

      @Override
      public Frame read(String id) {
        return frames.get(id).orElse(new Frame("", true));
      }
    };
  }
}
