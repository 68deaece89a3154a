package lookout.adapters.feishu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Feishu's event encryption with an app's Encrypt Key: the AES-256 key is SHA-256 of the Encrypt
 * Key, and {@code encrypt} is Base64 of a random 16-byte IV followed by the AES-CBC/PKCS#7
 * ciphertext of the JSON body. The request signature ({@code X-Lark-Signature}) is hex SHA-256 of
 * {@code timestamp + nonce + encryptKey + raw body}. Thread-safe.
 */
public final class FeishuCrypto {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;
  private final byte[] encryptKey;

  public FeishuCrypto(String encryptKey) {
    if (encryptKey == null || encryptKey.isEmpty()) {
      throw new IllegalArgumentException("the Feishu Encrypt Key is empty");
    }
    this.encryptKey = encryptKey.getBytes(StandardCharsets.UTF_8);
    this.key = new SecretKeySpec(sha256(this.encryptKey), "AES");
  }

  /** The plaintext of an {@code encrypt} field; throws {@link BadFeishuRequest} saying why not. */
  public String decrypt(String encrypted) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(encrypted.strip());
    } catch (IllegalArgumentException e) {
      throw new BadFeishuRequest("encrypt: not Base64");
    }
    if (raw.length < 32 || raw.length % 16 != 0) {
      throw new BadFeishuRequest("encrypt: " + raw.length + " bytes is not an IV plus AES blocks");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(Arrays.copyOf(raw, 16)));
      byte[] plain = cipher.doFinal(raw, 16, raw.length - 16);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new BadFeishuRequest("encrypt: does not decrypt with the configured Encrypt Key");
    }
  }

  /** Encrypts as Feishu does (used by tests and the benchmark to play Feishu's side). */
  public String encrypt(String plaintext) {
    byte[] iv = new byte[16];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
      byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(iv, 16 + body.length);
      System.arraycopy(body, 0, out, 16, body.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC is not available in this JVM", e);
    }
  }

  /** The {@code X-Lark-Signature} Feishu sends for these headers and this raw body. */
  public String sign(String timestamp, String nonce, byte[] rawBody) {
    MessageDigest sha = digest();
    sha.update(timestamp.getBytes(StandardCharsets.UTF_8));
    sha.update(nonce.getBytes(StandardCharsets.UTF_8));
    sha.update(encryptKey);
    return HexFormat.of().formatHex(sha.digest(rawBody));
  }

  private static byte[] sha256(byte[] in) {
    return digest().digest(in);
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
