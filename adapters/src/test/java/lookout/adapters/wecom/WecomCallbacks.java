package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WeCom's side of the callbacks: encrypts and signs app XML and AI-bot JSON the way WeCom does and
 * sends them to a Lookout on loopback. Tests tamper with the result to see it refused.
 */
public final class WecomCallbacks {
  public static final String APP_TOKEN = "appCallbackToken01";
  public static final String APP_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  public static final String BOT_TOKEN = "aibotCallbackToken1";
  public static final String BOT_AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
  private static final AtomicLong NONCE = new AtomicLong(1000);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int port;
  private final WecomCrypto app;
  private final WecomCrypto aibot;

  public WecomCallbacks(int port, String corpId) {
    this.port = port;
    this.app = new WecomCrypto(APP_TOKEN, APP_AES_KEY, corpId, Clock.systemUTC());
    this.aibot = new WecomCrypto(BOT_TOKEN, BOT_AES_KEY, "", Clock.systemUTC());
  }

  public static String appText(String user, String msgId, String content) {
    return "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA["
        + user
        + "]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA["
        + content
        + "]]></Content><MsgId>"
        + msgId
        + "</MsgId><AgentID>1000002</AgentID></xml>";
  }

  public static String cardClick(String user, String taskId, String key, String responseCode) {
    return "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA["
        + user
        + "]]></FromUserName><CreateTime>1700000001</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA["
        + key
        + "]]></EventKey><TaskId><![CDATA["
        + taskId
        + "]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>"
        + "<ResponseCode><![CDATA["
        + responseCode
        + "]]></ResponseCode><AgentID>1000002</AgentID></xml>";
  }

  /** An AI-bot text callback; {@code chatId} null for a single chat. */
  public static String aibotText(
      String msgId, String user, String chatId, String content, String responseUrl) {
    String chat =
        chatId == null
            ? "\"chattype\":\"single\""
            : "\"chattype\":\"group\",\"chatid\":\"" + chatId + "\"";
    return "{\"msgid\":\""
        + msgId
        + "\",\"aibotid\":\"AIBOTID\","
        + chat
        + ",\"from\":{\"userid\":\""
        + user
        + "\"},\"response_url\":\""
        + responseUrl
        + "\",\"msgtype\":\"text\",\"text\":{\"content\":\""
        + content
        + "\"}}";
  }

  /**
   * WeCom polling the stream reply {@code streamId} of an earlier AI-bot message (a refresh has its
   * own {@code msgId}).
   */
  public static String aibotStreamRefresh(
      String msgId, String user, String chatId, String streamId) {
    return "{\"msgid\":\""
        + msgId
        + "\",\"aibotid\":\"AIBOTID\",\"chattype\":\"group\",\"chatid\":\""
        + chatId
        + "\",\"from\":{\"userid\":\""
        + user
        + "\"},\"msgtype\":\"stream\",\"stream\":{\"id\":\""
        + streamId
        + "\"}}";
  }

  /**
   * The AI bot's passive reply {@code body} ({@code encrypt, msgsignature, timestamp, nonce}), its
   * signature checked and opened as WeCom would.
   */
  public JsonNode passiveReply(String body) throws IOException {
    JsonNode outer = new ObjectMapper().readTree(body);
    return new ObjectMapper()
        .readTree(
            aibot.open(
                outer.path("msgsignature").asText(),
                outer.path("timestamp").asText(),
                outer.path("nonce").asText(),
                outer.path("encrypt").asText()));
  }

  /** POSTs {@code xml} to the app callback, encrypted and signed. */
  public HttpResponse<String> toApp(String xml) throws IOException, InterruptedException {
    Signed s = seal(app, xml);
    String body =
        "<xml><ToUserName><![CDATA[corp]]></ToUserName><Encrypt><![CDATA["
            + s.encrypt
            + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    return post(WecomRoutes.APP, s, body);
  }

  /** POSTs {@code json} to the AI-bot callback, encrypted and signed. */
  public HttpResponse<String> toAibot(String json) throws IOException, InterruptedException {
    Signed s = seal(aibot, json);
    return post(WecomRoutes.AIBOT, s, "{\"encrypt\":\"" + s.encrypt + "\"}");
  }

  /** The GET URL check of {@code path} with a random echostr sealed by the matching key. */
  public HttpResponse<String> verifyUrl(String path, String echo)
      throws IOException, InterruptedException {
    Signed s = seal(path.equals(WecomRoutes.APP) ? app : aibot, echo);
    return send(HttpRequest.newBuilder(uri(path, s, s.encrypt)).GET().build());
  }

  /** A sealed message: what WeCom puts into the body and the query. */
  public record Signed(String encrypt, String signature, String timestamp, String nonce) {}

  public static Signed seal(WecomCrypto crypto, String plain) {
    String ts = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = String.valueOf(NONCE.incrementAndGet());
    String enc = crypto.encrypt(plain);
    return new Signed(enc, crypto.signature(ts, nonce, enc), ts, nonce);
  }

  public HttpResponse<String> post(String path, Signed s, String body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path, s, null))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public WecomCrypto appCrypto() {
    return app;
  }

  public WecomCrypto aibotCrypto() {
    return aibot;
  }

  private URI uri(String path, Signed s, String echostr) {
    String q =
        "msg_signature="
            + s.signature
            + "&timestamp="
            + s.timestamp
            + "&nonce="
            + s.nonce
            + (echostr == null
                ? ""
                : "&echostr=" + URLEncoder.encode(echostr, StandardCharsets.UTF_8));
    return URI.create("http://127.0.0.1:" + port + path + "?" + q);
  }

  private HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
    return client.send(r, HttpResponse.BodyHandlers.ofString());
  }
}
