package lookout.adapters.feishu;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import com.lark.oapi.service.im.v1.model.ReplyMessageReq;
import com.lark.oapi.service.im.v1.model.ReplyMessageReqBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;

/**
 * Feishu through the official open API client (which fetches and caches the tenant access token):
 * {@code post} replies to the conversation's thread message with {@code reply_in_thread}, or
 * creates a message in the chat when there is no thread; {@code update} patches the card in place.
 * Every message is an interactive card (JSON 2.0) from {@link CardRenderer}.
 *
 * <p>Posts carry Feishu's {@code uuid} idempotency key, derived from where and what is posted, so
 * the outbox re-sending a post after a crash (Feishu accepted it, the row was not yet marked sent)
 * cannot post it twice: within an hour Feishu answers a repeated uuid with the first message.
 *
 * <p>Feishu's limits are declared in {@link #pace} for the outbox to keep: {@value #PER_CHAT} sends
 * a second into one chat, and per app 50 calls a second and 1,000 message sends a minute. On
 * Feishu's rate limits, server errors, network failures and invalid tokens (the cached token is
 * dropped first), a {@link ChatRetryLater} asks the outbox to try again later; other refusals are a
 * plain {@link ChatException} naming Feishu's code. Blocking and thread-safe.
 */
public final class FeishuAdapter implements ChatAdapter {
  public static final String PLATFORM = FeishuInbound.PLATFORM;
  public static final String DEFAULT_API_URL = "https://open.feishu.cn";
  static final int PER_CHAT = 5;
  private static final Pace.Limit APP_PER_SECOND = new Pace.Limit("app", 50, Duration.ofSeconds(1));
  private static final Pace.Limit APP_PER_MINUTE =
      new Pace.Limit("app", 1_000, Duration.ofMinutes(1));

  private final Client client;
  private final FeishuCalls calls;
  private final CardRenderer renderer = new CardRenderer();
  private final FeishuImages images;

  /**
   * @param apiUrl the open API base, {@value #DEFAULT_API_URL} (Lark: https://open.larksuite.com)
   */
  public FeishuAdapter(String appId, String appSecret, String apiUrl, Clock clock) {
    TokenCache tokens = new TokenCache(clock);
    this.calls = new FeishuCalls(tokens);
    String base = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
    this.client =
        Client.newBuilder(appId, appSecret)
            .openBaseUrl(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
            .tokenCache(tokens)
            .requestTimeout(15, TimeUnit.SECONDS)
            .build();
    this.images = new FeishuImages(client, calls);
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    checkPlatform(where.platform());
    String doing = "while posting to Feishu chat " + where.channel();
    CardRenderer.Rendered card = renderer.render(message, images.keys(message, doing));
    String uuid = idempotencyKey(where, card.json());
    if (where.thread() != null) {
      var response =
          calls.call(
              doing,
              () ->
                  client
                      .im()
                      .message()
                      .reply(
                          ReplyMessageReq.newBuilder()
                              .messageId(where.thread())
                              .replyMessageReqBody(
                                  ReplyMessageReqBody.newBuilder()
                                      .msgType("interactive")
                                      .content(card.json())
                                      .replyInThread(true)
                                      .uuid(uuid)
                                      .build())
                              .build()));
      return new MessageRef(where, messageId(response.getData().getMessageId(), doing));
    }
    var response =
        calls.call(
            doing,
            () ->
                client
                    .im()
                    .message()
                    .create(
                        CreateMessageReq.newBuilder()
                            .receiveIdType("chat_id")
                            .createMessageReqBody(
                                CreateMessageReqBody.newBuilder()
                                    .receiveId(where.channel())
                                    .msgType("interactive")
                                    .content(card.json())
                                    .uuid(uuid)
                                    .build())
                            .build()));
    return new MessageRef(where, messageId(response.getData().getMessageId(), doing));
  }

  @Override
  public void update(MessageRef ref, Message message) {
    checkPlatform(ref.conversation().platform());
    String doing =
        "while updating Feishu message " + ref.messageId() + " in " + ref.conversation().channel();
    CardRenderer.Rendered card = renderer.render(message, images.keys(message, doing));
    calls.call(
        doing,
        () ->
            client
                .im()
                .message()
                .patch(
                    PatchMessageReq.newBuilder()
                        .messageId(ref.messageId())
                        .patchMessageReqBody(
                            PatchMessageReqBody.newBuilder().content(card.json()).build())
                        .build()));
  }

  /** Posts and card patches alike count against the chat's 5 a second and the app's limits. */
  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    return Pace.of(
        new Pace.Limit("chat:" + where.channel(), PER_CHAT, Duration.ofSeconds(1)),
        APP_PER_SECOND,
        APP_PER_MINUTE);
  }

  /** A card patch a second leaves four of the chat's five a second to everything else. */
  @Override
  public java.util.Optional<Duration> editEvery(ConversationRef where) {
    return java.util.Optional.of(Duration.ofSeconds(1));
  }

  /** The same post to the same place gets the same key (at most 50 characters, as Feishu asks). */
  static String idempotencyKey(ConversationRef where, String cardJson) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((where.channel() + "\n" + where.thread() + "\n").getBytes(StandardCharsets.UTF_8));
      byte[] digest = sha.digest(cardJson.getBytes(StandardCharsets.UTF_8));
      return "lookout-" + HexFormat.of().formatHex(digest, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static String messageId(String id, String doing) {
    if (id == null || id.isBlank()) {
      throw new ChatException(doing + ": Feishu answered without a message_id");
    }
    return id;
  }

  private static void checkPlatform(String platform) {
    if (!PLATFORM.equals(platform)) {
      throw new ChatException("while posting through Feishu: conversation is on " + platform);
    }
  }
}
