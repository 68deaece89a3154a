package lookout.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.KeyedPosts;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack through the official Web API client: {@code post} is {@code chat.postMessage} (in the
 * thread when the conversation names one, so the message id is its {@code ts}; a long answer
 * continues in the thread or comes as a file, see {@link SlackPostPlan}), {@code update} is {@code
 * chat.update}, and click outcomes are ephemeral messages to the clicker. A keyed post carries its
 * key as message metadata so {@link #find} can recognise it after a crash. Errors are mapped by
 * {@link SlackCalls}. Blocking and thread-safe. The token never appears in messages or logs.
 */
public final class SlackAdapter implements ChatAdapter, KeyedPosts, ClickNotices, AutoCloseable {
  public static final String PLATFORM = SlackEvents.PLATFORM;
  public static final String DEFAULT_API_URL = "https://slack.com/api/";
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  private static final int PART_ATTEMPTS = 3;
  private static final Duration MAX_PART_WAIT = Duration.ofSeconds(30);
  // chat.update is a Tier 3 method: about 50 calls a minute per workspace.
  private static final Pace EDITS =
      Pace.of(new Pace.Limit("chat.update", 50, Duration.ofMinutes(1)));

  private final Slack slack;
  private final MethodsClient methods;
  private final BlockKitRenderer renderer = new BlockKitRenderer();
  private final SlackPostKeys keys;
  private final SlackFiles files;

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
    this.keys = new SlackPostKeys(methods);
    this.files = new SlackFiles(methods);
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    return post(where, message, null);
  }

  /**
   * Posts the first message of the plan (with {@code key} as metadata when given) and returns its
   * ref; continuations and files follow in its thread. Once the first message is in, a later part
   * that still fails after a few tries is logged, not thrown: throwing would make the sender post
   * the first message again.
   */
  @Override
  public MessageRef post(ConversationRef where, Message message, String key) {
    checkPlatform(where.platform());
    SlackPostPlan plan = SlackPostPlan.of(message, renderer);
    String first = postOne(where, plan.messages().get(0), key);
    ConversationRef thread = where.thread() == null ? where.inThread(first) : where;
    for (BlockKitRenderer.Rendered more : plan.messages().subList(1, plan.messages().size())) {
      bestEffort(
          "continuing in Slack thread " + thread.thread(), () -> postOne(thread, more, null));
    }
    for (SlackPostPlan.SlackFile file : plan.files()) {
      bestEffort("attaching " + file.filename(), () -> files.upload(thread, file));
    }
    return new MessageRef(where, first);
  }

  /**
   * chat.postMessage allows about one message a second per channel (Slack grants short bursts; we
   * do not count on them); a long answer's continuations count too. Edits count against
   * chat.update's per-workspace tier instead.
   */
  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    if (kind == Pace.Kind.EDIT) {
      return EDITS;
    }
    return Pace.of(new Pace.Limit("channel:" + where.channel(), 1, Duration.ofSeconds(1)))
        .times(SlackPostPlan.of(message, renderer).messages().size());
  }

  /**
   * A streamed answer is edited every 2 s at most: chat.update's 50 a minute are per workspace and
   * approval cards need their share.
   */
  @Override
  public Optional<Duration> editEvery(ConversationRef where) {
    return Optional.of(Duration.ofSeconds(2));
  }

  @Override
  public Optional<MessageRef> find(ConversationRef where, String key, Instant since) {
    checkPlatform(where.platform());
    return keys.find(where, key, since).map(ts -> new MessageRef(where, ts));
  }

  private String postOne(ConversationRef where, BlockKitRenderer.Rendered r, String key) {
    ChatPostMessageResponse response =
        SlackCalls.call(
            "while posting to Slack channel " + where.channel(),
            () ->
                methods.chatPostMessage(
                    ChatPostMessageRequest.builder()
                        .channel(where.channel())
                        .threadTs(where.thread())
                        .text(r.text())
                        .blocksAsString(r.blocksJson())
                        .metadata(key == null ? null : SlackPostKeys.metadata(key))
                        .unfurlLinks(false)
                        .build()));
    return response.getTs();
  }

  private void bestEffort(String doing, Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (ChatRetryLater e) {
        if (attempt >= PART_ATTEMPTS) {
          log.error("slack: gave up {} after {} tries: {}", doing, attempt, e.getMessage());
          return;
        }
        pause(e.retryAfter().orElse(Duration.ofSeconds(attempt)));
      } catch (ChatException e) {
        log.error("slack: {} failed: {}", doing, e.getMessage());
        return;
      }
    }
  }

  private static void pause(Duration wait) {
    try {
      Thread.sleep(Math.min(wait.toMillis(), MAX_PART_WAIT.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChatException("interrupted while waiting to retry", e);
    }
  }

  @Override
  public void update(MessageRef ref, Message message) {
    checkPlatform(ref.conversation().platform());
    BlockKitRenderer.Rendered r = renderer.render(message);
    SlackCalls.call(
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
      SlackCalls.call(
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

  private static void checkPlatform(String platform) {
    if (!PLATFORM.equals(platform)) {
      throw new ChatException("while posting through Slack: conversation is on " + platform);
    }
  }
}
