package lookout.adapters.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;

/**
 * One Web API call with Lookout's error mapping: rate limits (429 with Retry-After), server errors
 * and network failures become {@link ChatRetryLater}; Slack's refusals ({@code ok: false}) a plain
 * {@link ChatException} naming the error. {@code doing} says what was attempted, never the token.
 */
final class SlackCalls {
  private SlackCalls() {}

  interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  static <T extends SlackApiTextResponse> T call(String doing, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429 || status >= 500) {
        throw new ChatRetryLater(
            doing + ": Slack answered HTTP " + status, retryAfter(e.getResponse()), e);
      }
      throw new ChatException(doing + ": Slack answered HTTP " + status, e);
    } catch (IOException e) {
      throw new ChatRetryLater(doing + ": " + e.getMessage(), null, e);
    }
    if (!response.isOk()) {
      if ("ratelimited".equals(response.getError())) {
        throw new ChatRetryLater(doing + ": Slack said ratelimited", null, null);
      }
      throw new ChatException(doing + ": Slack said " + response.getError());
    }
    return response;
  }

  private static Duration retryAfter(okhttp3.Response response) {
    String header = response.header("Retry-After");
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
