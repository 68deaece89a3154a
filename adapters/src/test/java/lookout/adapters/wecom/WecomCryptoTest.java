package lookout.adapters.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Checked against the vectors in WeCom's own WXBizMsgCrypt samples (token QDG6eK, CorpID
 * wx5823bf96d3bd56c7), then against tampering of every kind.
 */
class WecomCryptoTest {
  static final String TOKEN = "QDG6eK";
  static final String CORP_ID = "wx5823bf96d3bd56c7";
  static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

  private static WecomCrypto at(long epochSecond, String receiveId) {
    return new WecomCrypto(
        TOKEN, AES_KEY, receiveId, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  @Test
  void the_official_url_check_decrypts_to_the_sample_echostr() {
    String echo =
        at(1409659589, CORP_ID)
            .open(
                "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
                "1409659589",
                "263014780",
                "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");

    assertThat(echo).isEqualTo("1616140317555161061");
  }

  @Test
  void the_official_callback_sample_decrypts_to_its_xml() {
    String xml =
        at(1409659813, CORP_ID)
            .open("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", SAMPLE);

    assertThat(xml).startsWith("<xml>").contains("<AgentID>218</AgentID>").endsWith("</xml>");
  }

  @Test
  void what_we_encrypt_opens_again_with_a_32_byte_block_layout() {
    WecomCrypto crypto = at(1700000000, "");
    String sealed = crypto.encrypt("{\"msgtype\":\"text\"}");

    assertThat(Base64.getDecoder().decode(sealed).length % WecomCrypto.BLOCK).isZero();
    String sig = crypto.signature("1700000000", "n1", sealed);
    assertThat(crypto.open(sig, "1700000000", "n1", sealed)).isEqualTo("{\"msgtype\":\"text\"}");
  }

  @Test
  void a_wrong_signature_is_refused_with_401() {
    assertThatThrownBy(
            () -> at(1409659813, CORP_ID).open("0".repeat(40), "1409659813", "1372623149", SAMPLE))
        .isInstanceOfSatisfying(BadWecomRequest.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("msg_signature");
  }

  @Test
  void a_stale_timestamp_is_refused_even_when_signed() {
    assertThatThrownBy(
            () ->
                at(1409659813 + 3600, CORP_ID)
                    .open(
                        "477715d11cdb4164915debcba66cb864d751f3e6",
                        "1409659813",
                        "1372623149",
                        SAMPLE))
        .isInstanceOfSatisfying(BadWecomRequest.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("stale");
  }

  @Test
  void a_message_for_another_receiver_is_refused() {
    WecomCrypto aibot = at(1700000000, "");
    String forApp = at(1700000000, CORP_ID).encrypt("hello");

    assertThatThrownBy(() -> aibot.decrypt(forApp))
        .isInstanceOfSatisfying(BadWecomRequest.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("receive id");
  }

  @Test
  void bad_padding_and_broken_ciphertext_are_refused_with_400() {
    WecomCrypto crypto = at(1700000000, CORP_ID);
    byte[] sealed = Base64.getDecoder().decode(crypto.encrypt("hello"));
    sealed[sealed.length - 1] ^= 0x5a; // scrambles the last block, padding included
    String tampered = Base64.getEncoder().encodeToString(sealed);

    for (String bad : new String[] {tampered, "not base64!!", "AAAA", ""}) {
      assertThatThrownBy(() -> crypto.decrypt(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              BadWecomRequest.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  @Test
  void a_key_that_is_not_43_base64_characters_is_refused_at_start() {
    assertThatThrownBy(() -> WecomCrypto.aesKey("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("43");
    assertThatThrownBy(() -> WecomCrypto.aesKey("*".repeat(43)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Base64");
  }

  static final String SAMPLE =
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
}
