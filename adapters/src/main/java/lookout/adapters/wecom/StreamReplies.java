package lookout.adapters.wecom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The AI bot's passive reply carrying a stream frame: {@code {"msgtype":"stream","stream":{"id",
 * "finish","content"}}} encrypted with the AI bot's key and sent as {@code {"encrypt",
 * "msgsignature","timestamp","nonce"}}, as WeCom's 被动回复消息 (流式消息回复) describes it.
 */
final class StreamReplies {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final WecomCrypto crypto;
  private final Clock clock;

  StreamReplies(WecomCrypto crypto, Clock clock) {
    this.crypto = crypto;
    this.clock = clock;
  }

  String seal(String streamId, StreamFrames.Frame frame) {
    ObjectNode plain = WecomHttp.JSON.createObjectNode().put("msgtype", "stream");
    plain
        .putObject("stream")
        .put("id", streamId)
        .put("finish", frame.finish())
        .put("content", frame.content());
    String encrypt = crypto.encrypt(plain.toString());
    long timestamp = clock.instant().getEpochSecond();
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    String nonce = HexFormat.of().formatHex(random);
    return WecomHttp.JSON
        .createObjectNode()
        .put("encrypt", encrypt)
        .put("msgsignature", crypto.signature(String.valueOf(timestamp), nonce, encrypt))
        .put("timestamp", timestamp)
        .put("nonce", nonce)
        .toString();
  }
}
