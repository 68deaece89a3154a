package lookout.adapters.wecom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback crypto, as its WXBizMsgCrypt samples define it. The signature is the hex SHA-1
 * of the token, timestamp, nonce and ciphertext sorted and joined. The ciphertext is AES-256-CBC
 * with key = Base64(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding to 32-byte
 * blocks, over {@code random(16) + length(4, big-endian) + message + receiveId}. The receive id is
 * the CorpID for a self-built app and empty for an AI bot; a message for any other receiver is
 * refused. Thread-safe.
 */
public final class WecomCrypto {
  static final int BLOCK = 32;
  private static final Duration MAX_SKEW = Duration.ofMinutes(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String token;
  private final SecretKeySpec key;
  private final IvParameterSpec iv;
  private final String receiveId;
  private final Clock clock;

  /**
   * @param encodingAesKey the 43-character key from the callback settings
   * @param receiveId the CorpID (self-built app) or "" (AI bot)
   * @throws IllegalArgumentException when the key is not 43 characters of Base64 for 32 bytes
   */
  public WecomCrypto(String token, String encodingAesKey, String receiveId, Clock clock) {
    this.token = Objects.requireNonNull(token, "token");
    this.receiveId = Objects.requireNonNull(receiveId, "receiveId");
    this.clock = clock;
    byte[] raw = aesKey(encodingAesKey);
    this.key = new SecretKeySpec(raw, "AES");
    this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
  }

  /** The 32 key bytes of an EncodingAESKey, or IllegalArgumentException saying what is wrong. */
  public static byte[] aesKey(String encodingAesKey) {
    if (encodingAesKey == null || encodingAesKey.length() != 43) {
      throw new IllegalArgumentException("EncodingAESKey must be 43 characters");
    }
    try {
      byte[] raw = Base64.getDecoder().decode(encodingAesKey + "=");
      if (raw.length != 32) {
        throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
      }
      return raw;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("EncodingAESKey is not Base64: " + e.getMessage(), e);
    }
  }

  /** The msg_signature WeCom sends with {@code encrypt} (also the echostr of a URL check). */
  public String signature(String timestamp, String nonce, String encrypt) {
    String[] parts = {token, timestamp, nonce, encrypt};
    Arrays.sort(parts);
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(UTF8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  /**
   * Verifies and decrypts one callback: the signature, the timestamp (within 5 minutes of now), the
   * padding and the receive id. Throws {@link BadWecomRequest} (401 or 400) naming the problem.
   */
  public String open(String msgSignature, String timestamp, String nonce, String encrypt) {
    if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
      throw new BadWecomRequest(
          400, "msg_signature, timestamp, nonce and the encrypted content are all required");
    }
    byte[] expected = signature(timestamp, nonce, encrypt).getBytes(UTF8);
    if (!MessageDigest.isEqual(
        expected, msgSignature.toLowerCase(java.util.Locale.ROOT).getBytes(UTF8))) {
      throw new BadWecomRequest(401, "msg_signature does not match");
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new BadWecomRequest(400, "timestamp is not a number of seconds");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - sent);
    if (skew > MAX_SKEW.toSeconds()) {
      throw new BadWecomRequest(
          401, "timestamp is " + skew + " s away from now (stale or replayed)");
    }
    return decrypt(encrypt);
  }

  /** Decrypts {@code encrypt} and checks its layout and receive id. */
  public String decrypt(String encrypt) {
    byte[] cipherText;
    try {
      cipherText = Base64.getDecoder().decode(encrypt);
    } catch (IllegalArgumentException e) {
      throw new BadWecomRequest(400, "encrypted content is not Base64");
    }
    if (cipherText.length == 0 || cipherText.length % 16 != 0) {
      throw new BadWecomRequest(400, "encrypted content is not whole AES blocks");
    }
    byte[] plain;
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.DECRYPT_MODE, key, iv);
      plain = aes.doFinal(cipherText);
    } catch (GeneralSecurityException e) {
      throw new BadWecomRequest(400, "encrypted content could not be decrypted");
    }
    int pad = plain[plain.length - 1] & 0xff;
    if (pad < 1 || pad > BLOCK || pad > plain.length) {
      throw new BadWecomRequest(400, "bad PKCS#7 padding after decrypting");
    }
    for (int i = plain.length - pad; i < plain.length; i++) {
      if ((plain[i] & 0xff) != pad) {
        throw new BadWecomRequest(400, "bad PKCS#7 padding after decrypting");
      }
    }
    int end = plain.length - pad;
    if (end < 20) {
      throw new BadWecomRequest(400, "decrypted content is shorter than its header");
    }
    int length = ByteBuffer.wrap(plain, 16, 4).getInt();
    if (length < 0 || length > end - 20) {
      throw new BadWecomRequest(400, "decrypted message length " + length + " is out of range");
    }
    String receiver = new String(plain, 20 + length, end - 20 - length, UTF8);
    if (!receiver.equals(receiveId)) {
      throw new BadWecomRequest(
          401,
          "message is for receive id \""
              + receiver
              + "\", not \""
              + receiveId
              + "\" (wrong CorpID, or an AI-bot callback sent to the app URL or back)");
    }
    return new String(plain, 20, length, UTF8);
  }

  /** Encrypts {@code message} for this receive id with fresh random bytes. */
  public String encrypt(String message) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return encrypt(message, random);
  }

  /** Encrypts with the given 16 random bytes (tests pin them). */
  public String encrypt(String message, byte[] random) {
    byte[] msg = message.getBytes(UTF8);
    byte[] rid = receiveId.getBytes(UTF8);
    int body = 20 + msg.length + rid.length;
    int pad = BLOCK - body % BLOCK;
    ByteBuffer buf = ByteBuffer.allocate(body + pad);
    buf.put(random, 0, 16).putInt(msg.length).put(msg).put(rid);
    for (int i = 0; i < pad; i++) {
      buf.put((byte) pad);
    }
    try {
      Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, key, iv);
      return Base64.getEncoder().encodeToString(aes.doFinal(buf.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("while encrypting a WeCom reply: " + e.getMessage(), e);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
