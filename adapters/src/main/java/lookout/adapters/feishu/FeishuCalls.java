package lookout.adapters.feishu;

import com.lark.oapi.core.response.BaseResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;

/**
 * Runs one open API call and sorts its failures for the outbox: rate limits ({@code 99991400},
 * {@code 230020}, HTTP 429, with {@code x-ogw-ratelimit-reset} as the wait), server errors, network
 * failures and invalid tokens (the cached token is dropped first, so the retry fetches a new one)
 * become {@link ChatRetryLater}; other refusals a {@link ChatException} naming Feishu's code.
 */
final class FeishuCalls {
  /** Feishu's codes for "too many requests" (app-wide and per chat). */
  private static final Set<Integer> RATE_LIMITED = Set.of(99991400, 230020, 11232, 11233);

  /** Feishu's codes for a missing, expired or invalid access token. */
  private static final Set<Integer> BAD_TOKEN = Set.of(99991661, 99991663, 99991664, 99991668);

  private final TokenCache tokens;

  FeishuCalls(TokenCache tokens) {
    this.tokens = tokens;
  }

  interface Call<T extends BaseResponse<?>> {
    T run() throws Exception;
  }

  <T extends BaseResponse<?>> T call(String doing, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatRetryLater(doing + ": interrupted", null, e);
    } catch (Exception e) {
      // Network failures, timeouts, a token that could not be fetched, unreadable answers.
      throw new ChatRetryLater(doing + ": " + e, null, e);
    }
    if (response.success()) {
      return response;
    }
    int status = response.getRawResponse() == null ? 0 : response.getRawResponse().getStatusCode();
    String said = doing + ": Feishu said " + response.getCode() + " " + response.getMsg();
    if (BAD_TOKEN.contains(response.getCode())) {
      tokens.clear();
      throw new ChatRetryLater(said, Duration.ofSeconds(1), null);
    }
    if (RATE_LIMITED.contains(response.getCode()) || status == 429) {
      throw new ChatRetryLater(said, retryAfter(response), null);
    }
    if (status >= 500) {
      throw new ChatRetryLater(said + " (HTTP " + status + ")", null, null);
    }
    throw new ChatException(said);
  }

  /** Feishu's gateway says when the rate-limit window resets, in seconds. */
  private static Duration retryAfter(BaseResponse<?> response) {
    if (response.getRawResponse() == null || response.getRawResponse().getHeaders() == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> h : response.getRawResponse().getHeaders().entrySet()) {
      if ("x-ogw-ratelimit-reset".equalsIgnoreCase(h.getKey())
          && h.getValue() != null
          && !h.getValue().isEmpty()) {
        try {
          long seconds = Long.parseLong(h.getValue().getFirst().strip());
          return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
