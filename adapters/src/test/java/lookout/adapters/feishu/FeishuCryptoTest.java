package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeishuCryptoTest {
  /**
   * Feishu's published example (Events &amp; Callbacks → Encryption Strategy): Encrypt Key "test
   * key" decrypts this to "hello world".
   */
  static final String SAMPLE = "P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=";

  @Test
  void feishus_published_example_decrypts_to_hello_world() {
    assertThat(new FeishuCrypto("test key").decrypt(SAMPLE)).isEqualTo("hello world");
  }

  @Test
  void the_published_example_does_not_decrypt_with_another_key() {
    assertThatThrownBy(() -> new FeishuCrypto("other key").decrypt(SAMPLE))
        .isInstanceOf(BadFeishuRequest.class)
        .hasMessageContaining("does not decrypt with the configured Encrypt Key");
  }

  @Test
  void what_it_encrypts_decrypts_again_chinese_included() {
    FeishuCrypto crypto = new FeishuCrypto("k3y-测试");
    String text = "{\"text\":\"@_user_1 为什么 checkout 在 staging 里重启？（急）\"}";

    String once = crypto.encrypt(text);

    assertThat(once).isNotEqualTo(crypto.encrypt(text)).as("a fresh IV each time");
    assertThat(crypto.decrypt(once)).isEqualTo(text);
  }

  @Test
  void truncated_or_non_base64_ciphertext_is_refused_with_a_reason() {
    FeishuCrypto crypto = new FeishuCrypto("test key");
    assertThatThrownBy(() -> crypto.decrypt("AAAA")).hasMessageContaining("is not an IV plus");
    assertThatThrownBy(() -> crypto.decrypt("**not base64**")).hasMessageContaining("not Base64");
  }

  @Test
  void the_signature_is_sha256_hex_of_timestamp_nonce_key_and_body() {
    // Expected value computed independently: sha256(b'1700000000' b'n0nce' b'test key' body).
    String sig =
        new FeishuCrypto("test key")
            .sign("1700000000", "n0nce", "{\"encrypt\":\"abc\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(sig).isEqualTo("e195c9e5af14a703921143d3c2afd1c1ed93a50838a77a121a7da206a1a2651f");
  }
}
