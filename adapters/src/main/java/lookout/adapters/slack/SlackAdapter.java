package lookout.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.time.Duration;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack through the official Web API client: {@code post} is {@code chat.postMessage} (in the
 * thread when the conversation names one, so the message id is its {@code ts}), {@code update} is
 * {@code chat.update}, and click outcomes are ephemeral messages to the clicker. Rate limits (429
 * with Retry-After), server errors and network failures become {@link ChatRetryLater}; Slack's own
 * refusals ({@code ok: false}) a plain {@link ChatException} naming the error. Blocking and
 * thread-safe. The token never appears in messages or logs.
 */
public final class SlackAdapter implements ChatAdapter, ClickNotices, AutoCloseable {
  public static final String PLATFORM = SlackEvents.PLATFORM;
  public static final String DEFAULT_API_URL = "https://slack.com/api/";
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

  private final Slack slack;
  private final MethodsClient methods;
  private final BlockKitRenderer renderer = new BlockKitRenderer();

  /**
   * @param apiUrl the Web API prefix, {@value #DEFAULT_API_URL} unless testing or proxying
   */
  public SlackAdapter(String botToken, String apiUrl) {
    SlackConfig config = new SlackConfig();
    String prefix = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
    config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
    config.setHttpClientCallTimeoutMillis(15_000);
    // Stats make the client call auth.test first and keep a thread pool; the outbox does the
    // pacing instead.
    config.getMethodsConfig().setStatsEnabled(false);
    this.slack = Slack.getInstance(config);
    this.methods = slack.methods(botToken);
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    checkPlatform(where.platform());
    BlockKitRenderer.Rendered r = renderer.render(message);
    String doing = "while posting to Slack channel " + where.channel();
    ChatPostMessageResponse response =
        call(
            doing,
            () ->
                methods.chatPostMessage(
                    ChatPostMessageRequest.builder()
                        .channel(where.channel())
                        .threadTs(where.thread())
                        .text(r.text())
                        .blocksAsString(r.blocksJson())
                        .unfurlLinks(false)
                        .build()));
    return new MessageRef(where, response.getTs());
  }

  @Override
  public void update(MessageRef ref, Message message) {
    checkPlatform(ref.conversation().platform());
    BlockKitRenderer.Rendered r = renderer.render(message);
    call(
        "while updating Slack message " + ref.messageId() + " in " + ref.conversation().channel(),
        () ->
            methods.chatUpdate(
                ChatUpdateRequest.builder()
                    .channel(ref.conversation().channel())
                    .ts(ref.messageId())
                    .text(r.text())
                    .blocksAsString(r.blocksJson())
                    .build()));
  }

  @Override
  public void tell(Click click, ClickReply reply) {
    ConversationRef where = click.message().conversation();
    try {
      call(
          "while telling " + click.user() + " in " + where.channel(),
          () ->
              methods.chatPostEphemeral(
                  ChatPostEphemeralRequest.builder()
                      .channel(where.channel())
                      .threadTs(where.thread())
                      .user(click.user().id())
                      .text(MrkdwnChunks.truncate(MrkdwnChunks.escape(reply.notice()), 3000))
                      .build()));
    } catch (ChatException e) {
      log.warn("{}", e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("while closing the Slack client", e);
    }
  }

  private interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private static <T extends SlackApiTextResponse> T call(String doing, Call<T> call) {
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

  private static void checkPlatform(String platform) {
    if (!PLATFORM.equals(platform)) {
      throw new ChatException("while posting through Slack: conversation is on " + platform);
    }
  }
}
