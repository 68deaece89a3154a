package lookout.adapters.feishu;

import com.lark.oapi.core.cache.ICache;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the SDK keeps the tenant access token. Ours so that a token Feishu calls invalid (revoked,
 * app secret rotated) can be dropped at once and the next try fetches a fresh one, instead of the
 * SDK reusing it until its own expiry.
 */
final class TokenCache implements ICache {
  private record Entry(String value, long expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String get(String key) {
    Entry e = entries.get(key);
    if (e == null || e.expiresAt() <= clock.millis()) {
      entries.remove(key);
      return "";
    }
    return e.value();
  }

  @Override
  public void set(String key, String value, int expire, TimeUnit unit) {
    entries.put(key, new Entry(value, clock.millis() + unit.toMillis(expire)));
  }

  void clear() {
    entries.clear();
  }
}
