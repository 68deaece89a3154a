package lookout.adapters.wecom;

import java.time.Clock;
import java.time.Duration;

/**
 * The AI bot's stream replies (流式消息): the answer to an AI-bot message is a stream whose id is the
 * message id. The first passive reply opens it; WeCom then polls it with refresh callbacks and
 * shows the content of each reply, until one says {@code finish}. Lookout writes the newest version
 * of the answer here as it is made (the evidence, then the analysis as the model writes it) and the
 * final version finishes it. Held in memory, for {@link #LIFE} (WeCom stops polling well before): a
 * refresh for a stream this process does not know — after a restart, or on another replica — is
 * answered finished, and the answer goes through the app instead.
 */
final class AibotStreams {
  static final Duration LIFE = Duration.ofMinutes(15);

  /** What a refresh is answered with. */
  record Frame(String content, boolean finish) {}

  private final Expiring<Frame> frames;

  AibotStreams(Clock clock) {
    this.frames = new Expiring<>(LIFE, 10_000, clock);
  }

  /** Opens the stream of message {@code msgId}, empty until the answer's first version. */
  void open(String msgId) {
    if (frames.get(msgId).isEmpty()) {
      frames.put(msgId, new Frame("", false));
    }
  }

  /** True while the stream of {@code msgId} is open and not finished: the answer goes into it. */
  boolean writable(String msgId) {
    return msgId != null && frames.get(msgId).map(f -> !f.finish()).orElse(false);
  }

  /**
   * The answer's newest version; {@code finish} ends the stream. Returns false when the stream is
   * gone or finished (the caller then delivers another way).
   */
  synchronized boolean write(String msgId, String content, boolean finish) {
    if (!writable(msgId)) {
      return false;
    }
    frames.put(msgId, new Frame(content, finish));
    return true;
  }

  /** The frame for a refresh of stream {@code id}; a stream not known here is finished, empty. */
  Frame read(String id) {
    return frames.get(id).orElse(new Frame("", true));
  }
}
