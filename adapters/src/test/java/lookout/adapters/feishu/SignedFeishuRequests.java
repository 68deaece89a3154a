package lookout.adapters.feishu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Plays Feishu's side of {@code POST /feishu/events}: builds schema 2.0 events and card callbacks,
 * encrypts them with the Encrypt Key and signs them ({@code X-Lark-Signature}) the way Feishu does.
 */
public final class SignedFeishuRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI uri;
  private final FeishuCrypto crypto;
  private final String token;

  public SignedFeishuRequests(int port, String encryptKey, String verificationToken) {
    this.uri = URI.create("http://127.0.0.1:" + port + "/feishu/events");
    this.crypto = new FeishuCrypto(encryptKey);
    this.token = verificationToken;
  }

  /** The encrypted, signed request Feishu would send for this plaintext. */
  public HttpResponse<String> send(String plaintext) throws IOException, InterruptedException {
    return send(plaintext, Instant.now().getEpochSecond());
  }

  public HttpResponse<String> send(String plaintext, long timestamp)
      throws IOException, InterruptedException {
    String body = JSON.createObjectNode().put("encrypt", crypto.encrypt(plaintext)).toString();
    return sendRaw(body, String.valueOf(timestamp), true);
  }

  /** Sends {@code body} as is, signed (with the given timestamp) or not. */
  public HttpResponse<String> sendRaw(String body, String timestamp, boolean signed)
      throws IOException, InterruptedException {
    String nonce = UUID.randomUUID().toString();
    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(raw));
    if (signed) {
      request
          .header("X-Lark-Request-Timestamp", timestamp)
          .header("X-Lark-Request-Nonce", nonce)
          .header("X-Lark-Signature", crypto.sign(timestamp, nonce, raw));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The URL check Feishu sends (unsigned, but encrypted and carrying the token). */
  public String challenge(String challenge) {
    return JSON.createObjectNode()
        .put("challenge", challenge)
        .put("token", token)
        .put("type", "url_verification")
        .toString();
  }

  /**
   * An {@code im.message.receive_v1} text message. {@code text} uses Feishu's placeholders; each
   * mention is {@code {key, open_id, name}}.
   */
  public String message(
      String eventId,
      String senderOpenId,
      String chatId,
      String chatType,
      String messageId,
      String text,
      String[]... mentions) {
    return message(
        eventId,
        senderOpenId,
        chatId,
        chatType,
        messageId,
        "text",
        JSON.createObjectNode().put("text", text).toString(),
        mentions);
  }

  public String message(
      String eventId,
      String senderOpenId,
      String chatId,
      String chatType,
      String messageId,
      String messageType,
      String content,
      String[]... mentions) {
    ObjectNode root = envelope(eventId, "im.message.receive_v1");
    ObjectNode event = root.putObject("event");
    ObjectNode sender = event.putObject("sender").put("sender_type", "user");
    sender.putObject("sender_id").put("open_id", senderOpenId).put("user_id", "u" + senderOpenId);
    ObjectNode message =
        event
            .putObject("message")
            .put("message_id", messageId)
            .put("chat_id", chatId)
            .put("chat_type", chatType)
            .put("message_type", messageType)
            .put("create_time", String.valueOf(System.currentTimeMillis()))
            .put("content", content);
    ArrayNode list = message.putArray("mentions");
    for (String[] m : mentions) {
      ObjectNode mention = list.addObject().put("key", m[0]).put("name", m[2]);
      mention.putObject("id").put("open_id", m[1]);
    }
    return root.toString();
  }

  /** A {@code card.action.trigger} for a button carrying {@code buttonToken}. */
  public String cardAction(
      String eventId, String operatorOpenId, String chatId, String messageId, String buttonToken) {
    ObjectNode root = envelope(eventId, "card.action.trigger");
    ObjectNode event = root.putObject("event").put("token", "c-" + eventId);
    event.putObject("operator").put("open_id", operatorOpenId).put("tenant_key", "tk");
    ObjectNode action = event.putObject("action").put("tag", "button");
    action.putObject("value").put("token", buttonToken);
    event.putObject("context").put("open_message_id", messageId).put("open_chat_id", chatId);
    return root.toString();
  }

  private ObjectNode envelope(String eventId, String type) {
    ObjectNode root = JSON.createObjectNode().put("schema", "2.0");
    root.putObject("header")
        .put("event_id", eventId)
        .put("event_type", type)
        .put("create_time", String.valueOf(System.currentTimeMillis()))
        .put("token", token)
        .put("app_id", "cli_test")
        .put("tenant_key", "tk");
    return root;
  }
}
