package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ChatRetryLater;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Pace;
import lookout.adapters.chat.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeCom as a {@link ChatAdapter}; the channel names the surface (see {@link Channels}).
 *
 * <ul>
 *   <li>{@code app:<UserID>}: {@code message/send} from the self-built app — markdown, or a {@code
 *       button_interaction} template card when the message has buttons. It goes to the user, and to
 *       the WeCom members of the message's {@link Message#audience} (an approval card's approvers,
 *       as the policy names them); a diagnosis with buttons goes to the asker only. A card's
 *       message id is its task id; {@code update} consumes the card's latest response code in
 *       {@code update_template_card}.
 *   <li>{@code aibot:…}: the first post answers through the message's single-use {@code
 *       response_url} as markdown; later posts (approval cards, card updates) go to the asker
 *       through the app, since an AI bot cannot post on its own.
 *   <li>{@code robot:<name>}: the group robot's {@code webhook/send?key=…} (markdown, then each
 *       chart as an image message).
 * </ul>
 *
 * WeCom's limits are declared in {@link #pace} for the outbox to keep: {@value #ROBOT_PER_MINUTE}
 * messages a minute per group robot (over that WeCom refuses for minutes; we send at most {@value
 * #ROBOT_BURST} back to back) and {@value #MEMBER_PER_MINUTE} app messages a minute to one member
 * (over that WeCom silently drops them).
 *
 * <p>Messages that cannot be edited (markdown, robot posts, a card whose code was used) are updated
 * by posting the new version. Blocking and thread-safe; secrets never appear in messages.
 */
public final class WecomAdapter implements ChatAdapter, CallbackMemory {
  public static final String PLATFORM = "wecom";
  public static final String DEFAULT_API_URL = "https://qyapi.weixin.qq.com/";
  static final String TASK_PREFIX = "lk";
  static final String STREAM_PREFIX = "stream-";

  /**
   * How often a streamed answer is rewritten: WeCom polls the stream itself, so this only bounds
   * rendering work.
   */
  static final Duration STREAM_EDIT_EVERY = Duration.ofMillis(500);

  private static final Logger log = LoggerFactory.getLogger(WecomAdapter.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The self-built app: where approval cards and app chat answers come from. */
  public record App(String corpId, int agentId, String secret) {
    @Override
    public String toString() {
      return "App[corpId=" + corpId + ", agentId=" + agentId + ", secret=***]";
    }
  }

  private record ReplyPath(String url, String userId) {}

  private final URI base;

  static final int ROBOT_PER_MINUTE = 20;
  // Our choice, not WeCom's: a storm's first seconds must not spend the robot's whole minute on
  // messages a later update would replace (alert lanes merge what waits).
  static final int ROBOT_BURST = 5;
  static final int MEMBER_PER_MINUTE = 30;

  /** WeCom's limit for a robot image (before Base64). */
  static final int ROBOT_IMAGE_BYTES = 2 * 1024 * 1024;

  private final Optional<App> app;
  private final Map<String, String> robots;
  private final WecomHttp http;
  private final AccessTokens tokens;
  private final WecomMarkdown markdown = new WecomMarkdown();
  private final TemplateCards cards = new TemplateCards();
  private final CardCodes codes;
  private final Expiring<ReplyPath> replies;
  private final StreamFrames streams;

  /**
   * @param apiUrl WeCom's API root, {@value #DEFAULT_API_URL} unless testing or proxying
   * @param robots group robot name → webhook key
   */
  public WecomAdapter(String apiUrl, Optional<App> app, Map<String, String> robots, Clock clock) {
    this(apiUrl, app, robots, CardCodes.inMemory(clock), StreamFrames.inMemory(clock), clock);
  }

  /**
   * @param codes where card response codes are kept (the bot's database in production)
   * @param streams where AI-bot stream replies are kept (the bot's database in production)
   */
  public WecomAdapter(
      String apiUrl,
      Optional<App> app,
      Map<String, String> robots,
      CardCodes codes,
      StreamFrames streams,
      Clock clock) {
    String root = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl;
    this.base = URI.create(root.endsWith("/") ? root : root + "/");
    this.app = app;
    this.robots = Map.copyOf(robots);
    this.http =
        new WecomHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    this.tokens =
        app.map(a -> new AccessTokens(http, base, a.corpId(), a.secret(), clock)).orElse(null);
    this.codes = codes;
    this.replies = new Expiring<>(Duration.ofHours(1), 50_000, clock);
    this.streams = streams;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public MessageRef post(ConversationRef where, Message message) {
    checkPlatform(where.platform());
    String channel = where.channel();
    Optional<String> user = Channels.after(Channels.APP, channel);
    if (user.isPresent()) {
      return toApp(where, user.get(), message);
    }
    if (channel.startsWith(Channels.AIBOT)) {
      return toAibot(where, message);
    }
    Optional<String> robot = Channels.after(Channels.ROBOT, channel);
    if (robot.isPresent()) {
      return toRobot(where, robot.get(), message);
    }
    throw new ChatException(
        "while posting to WeCom " + channel + ": not an app:, aibot: or robot: channel");
  }

  @Override
  public void update(MessageRef ref, Message message) {
    checkPlatform(ref.conversation().platform());
    String id = ref.messageId();
    if (id.startsWith(STREAM_PREFIX)) {
      String msgId = id.substring(STREAM_PREFIX.length());
      if (intoStream(ref.conversation(), msgId, message)) {
        return;
      }
    }
    if (id.startsWith(TASK_PREFIX) && app.isPresent()) {
      Optional<String> code = codes.take(id);
      if (code.isPresent()) {
        try {
          updateCard(id, code.get(), message);
          return;
        } catch (ChatRetryLater e) {
          codes.put(id, code.get());
          throw e;
        } catch (ChatException e) {
          log.warn("{}; posting the new version instead", e.getMessage());
        }
      }
    }
    post(ref.conversation(), message);
  }

  /**
   * An AI-bot answer whose stream reply is open is rewritten in place (WeCom polls it). Otherwise
   * never: a used or lost stream leaves the single-use {@code response_url} or the app, and app and
   * robot messages cannot be edited (an update is a new message), so a streamed analysis comes as
   * one follow-up there.
   */
  @Override
  public Optional<Duration> editEvery(ConversationRef where) {
    if (where.channel().startsWith(Channels.AIBOT) && streams.writable(where.thread())) {
      return Optional.of(STREAM_EDIT_EVERY);
    }
    return Optional.empty();
  }

  @Override
  public void openStream(String msgId) {
    streams.open(msgId);
  }

  @Override
  public StreamFrames.Frame streamFrame(String streamId) {
    return streams.read(streamId);
  }

  @Override
  public void replyPath(String msgId, String responseUrl, String userId) {
    replies.put(msgId, new ReplyPath(responseUrl, userId));
  }

  @Override
  public void responseCode(String taskId, String code) {
    if (code != null && !code.isEmpty()) {
      codes.put(taskId, code);
    }
  }

  @Override
  public void tell(Click click, ClickReply reply) {
    if (reply.accepted() || reply.notice() == null || app.isEmpty()) {
      return;
    }
    try {
      sendApp(List.of(click.user().id()), Message.text(reply.notice()), "telling " + click.user());
    } catch (ChatException e) {
      log.warn("{}", e.getMessage());
    }
  }

  private MessageRef toApp(ConversationRef where, String user, Message message) {
    return new MessageRef(where, sendApp(List.of(user), message, "posting to " + where.channel()));
  }

  /** Sends from the app; returns the card's task id or the message id. */
  private String sendApp(List<String> users, Message message, String doing) {
    App a =
        app.orElseThrow(
            () -> new ChatException("while " + doing + ": wecom.app is not configured"));
    ObjectNode body = WecomHttp.JSON.createObjectNode().put("agentid", a.agentId());
    Set<String> to = new LinkedHashSet<>(users);
    String taskId = null;
    if (!message.buttons().isEmpty()) {
      if (hasProse(message)) {
        // A card holds a title, six facts and one subtitle: send the full text first.
        sendApp(users, withoutButtons(message), doing);
      }
      to.addAll(members(message));
      taskId = TASK_PREFIX + HexFormat.of().formatHex(randomBytes(12));
      body.put("msgtype", "template_card").set("template_card", cards.render(message, taskId));
    } else {
      body.put("msgtype", "markdown")
          .putObject("markdown")
          .put("content", markdown.render(message));
    }
    body.put("touser", String.join("|", to));
    JsonNode answer =
        tokens.withToken(
            t -> http.post("while " + doing + " in WeCom", api("cgi-bin/message/send", t), body));
    if (taskId != null) {
      responseCode(taskId, answer.path("response_code").asText(""));
      return taskId;
    }
    String msgId = answer.path("msgid").asText("");
    return msgId.isEmpty() ? "msg-" + HexFormat.of().formatHex(randomBytes(8)) : msgId;
  }

  /** The WeCom UserIDs among the message's audience ({@code wecom:<UserID>}). */
  private static List<String> members(Message m) {
    return m.audience().stream()
        .filter(id -> id.startsWith(PLATFORM + ":"))
        .map(id -> id.substring(PLATFORM.length() + 1))
        .toList();
  }

  private static boolean hasProse(Message m) {
    return m.parts().stream().anyMatch(p -> p instanceof Part.Section || p instanceof Part.Code);
  }

  private static Message withoutButtons(Message m) {
    return new Message(
        m.summary(), m.parts().stream().filter(p -> !(p instanceof Part.Actions)).toList());
  }

  private void updateCard(String taskId, String code, Message message) {
    App a = app.orElseThrow();
    ObjectNode body =
        message.buttons().isEmpty() ? cards.decided(message) : WecomHttp.JSON.createObjectNode();
    if (!message.buttons().isEmpty()) {
      body.set("template_card", cards.render(message, taskId));
    }
    body.put("atall", 1).put("agentid", a.agentId()).put("response_code", code);
    tokens.withToken(
        t ->
            http.post(
                "while updating WeCom card " + taskId,
                api("cgi-bin/message/update_template_card", t),
                body));
  }

  /**
   * The answer's newest version into the message's stream; the final one finishes it, and its
   * buttons (a stream carries none) go to the asker as an app card. False when the stream is gone
   * or finished: the caller delivers another way.
   */
  private boolean intoStream(ConversationRef where, String msgId, Message message) {
    boolean finish = !message.interim();
    if (!streams.write(msgId, markdown.render(withoutButtons(message)), finish)) {
      return false;
    }
    if (finish && !message.buttons().isEmpty() && app.isPresent()) {
      Message card =
          new Message(
              message.summary(),
              message.parts().stream().filter(Part.Actions.class::isInstance).toList(),
              message.audience());
      String user = asker(where, msgId, replies.get(msgId));
      sendApp(List.of(user), card, "posting the buttons of " + msgId + " to " + user);
    }
    return true;
  }

  private MessageRef toAibot(ConversationRef where, Message message) {
    String msgId = where.thread() == null ? "" : where.thread();
    if (streams.writable(msgId) && intoStream(where, msgId, message)) {
      return new MessageRef(where, STREAM_PREFIX + msgId);
    }
    Optional<ReplyPath> path = replies.get(msgId);
    Optional<String> url = path.map(ReplyPath::url).filter(u -> !u.isEmpty());
    if (url.isPresent()) {
      // Single use: mark it spent before calling, so a retry goes to the app instead of WeCom
      // refusing the second use.
      replyPath(msgId, "", path.get().userId());
      ObjectNode body = WecomHttp.JSON.createObjectNode().put("msgtype", "markdown");
      body.putObject("markdown").put("content", markdown.render(message));
      http.post("while answering WeCom AI-bot message " + msgId, URI.create(url.get()), body);
      return new MessageRef(where, "reply-" + msgId);
    }
    String user = asker(where, msgId, path);
    return new MessageRef(
        where, sendApp(List.of(user), message, "posting to " + user + " for " + where.channel()));
  }

  private static String asker(ConversationRef where, String msgId, Optional<ReplyPath> path) {
    return path.map(ReplyPath::userId)
        .or(() -> Channels.after(Channels.AIBOT + "single:", where.channel()))
        .orElseThrow(
            () ->
                new ChatException(
                    "while posting to WeCom "
                        + where.channel()
                        + ": the AI bot's response_url for message "
                        + msgId
                        + " is used or expired and the asker is unknown"));
  }

  private MessageRef toRobot(ConversationRef where, String name, Message message) {
    String doing = "while posting to WeCom group robot " + name;
    String key = robots.get(name);
    if (key == null) {
      throw new ChatException(doing + ": no robot of that name under wecom.robots");
    }
    List<Part.Image> charts = charts(message);
    URI send = base.resolve("cgi-bin/webhook/send?key=" + AccessTokens.enc(key));
    ObjectNode body = WecomHttp.JSON.createObjectNode().put("msgtype", "markdown");
    body.putObject("markdown").put("content", markdown.render(message));
    http.post(doing, send, body);
    for (Part.Image chart : charts) {
      ObjectNode image = WecomHttp.JSON.createObjectNode().put("msgtype", "image");
      image
          .putObject("image")
          .put("base64", Base64.getEncoder().encodeToString(chart.png()))
          .put("md5", md5(chart.png()));
      http.post(doing + " (chart \"" + chart.title() + "\")", send, image);
    }
    return new MessageRef(where, "robot-" + HexFormat.of().formatHex(randomBytes(8)));
  }

  /**
   * A robot post is its text plus one image message per chart, all against the robot's limit, so
   * the outbox sends it whole or not yet. An app message counts against each member it reaches (an
   * approval card also reaches its audience, and with prose it is two messages). AI-bot answers go
   * once through their {@code response_url}, which has no stated limit.
   */
  @Override
  public Pace pace(Pace.Kind kind, ConversationRef where, Message message) {
    Optional<String> robot = Channels.after(Channels.ROBOT, where.channel());
    if (robot.isPresent()) {
      return Pace.of(
              new Pace.Limit(
                  "robot:" + robot.get(), ROBOT_PER_MINUTE, Duration.ofMinutes(1), ROBOT_BURST))
          .times(1 + charts(message).size());
    }
    Optional<String> user = Channels.after(Channels.APP, where.channel());
    if (user.isEmpty()) {
      return Pace.NONE;
    }
    Set<String> members = new LinkedHashSet<>(List.of(user.get()));
    boolean card = !message.buttons().isEmpty();
    if (card) {
      members.addAll(members(message));
    }
    List<Pace.Limit> limits =
        members.stream()
            .map(m -> new Pace.Limit("member:" + m, MEMBER_PER_MINUTE, Duration.ofMinutes(1)))
            .toList();
    return new Pace(card && hasProse(message) ? 2 : 1, limits);
  }

  private static List<Part.Image> charts(Message message) {
    return message.parts().stream()
        .filter(Part.Image.class::isInstance)
        .map(Part.Image.class::cast)
        .filter(i -> i.png().length <= ROBOT_IMAGE_BYTES)
        .toList();
  }

  private URI api(String path, String token) {
    return base.resolve(path + "?access_token=" + AccessTokens.enc(token));
  }

  /** How many access tokens were fetched (tests and the benchmark check caching). */
  public int tokenFetches() {
    return tokens == null ? 0 : tokens.fetches();
  }

  private static String md5(byte[] data) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void checkPlatform(String platform) {
    if (!PLATFORM.equals(platform)) {
      throw new ChatException("while posting through WeCom: conversation is on " + platform);
    }
  }
}
