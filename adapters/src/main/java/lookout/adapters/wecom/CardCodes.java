package lookout.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the latest response code of each template card is kept: WeCom hands it out only in the send
 * answer and in click callbacks, and each code may update its card once, within 72 hours. The bot
 * keeps them in its database, so a card can still be updated after a restart or by another replica;
 * {@link #inMemory} is for tests and the benchmark.
 */
public interface CardCodes {
  Duration LIFE = Duration.ofHours(72);

  /** Remembers {@code code} as the newest for card {@code taskId}. */
  void put(String taskId, String code);

  /** The newest unexpired code for the card, forgotten as it is returned (single use). */
  Optional<String> take(String taskId);

  static CardCodes inMemory(Clock clock) {
    Expiring<String> codes = new Expiring<>(LIFE, 50_000, clock);
    return new CardCodes() {
      @Override
      public void put(String taskId, String code) {
        codes.put(taskId, code);
      }

      @Override
      public Optional<String> take(String taskId) {
        return codes.take(taskId);
      }
    };
  }
}
