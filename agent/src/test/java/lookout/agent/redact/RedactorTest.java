package lookout.agent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Secrets as they show up in logs, env vars and events; each must vanish, the context must stay.
 */
class RedactorTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static String alnum(int n) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
    }
    // keep mixed case so the shape is like the real thing
    return "aZ" + sb.substring(2);
  }

  private static String upper(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(RANDOM.nextInt(32)));
    }
    return sb.toString();
  }

  /** {secret} in the template is replaced by a freshly generated secret of the named kind. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          password in env               | DB_PASSWORD={secret}                                  | DB_PASSWORD=
          password in JSON              | {"user":"app","password":"{secret}"}                  | "user":"app"
          connection string             | connecting to postgres://app:{secret}@db:5432/orders  | postgres://app:
          jdbc url                      | jdbc:mysql://db:3306/x?user=app&password={secret}     | jdbc:mysql://db:3306/x
          bearer header                 | GET /api Authorization: Bearer {secret}               | GET /api
          basic header                  | authorization=Basic {secret}                          | authorization=
          api key in yaml               | apiKey: {secret}                                      | apiKey:
          client secret flag            | --client-secret={secret} --verbose                    | --verbose
          token said in prose           | the token is {secret}                                 | the token is
          """)
  void generic_secrets_are_redacted(String kind, String template, String kept) {
    String secret = alnum(32);
    String redacted = Redactor.redact(template.replace("{secret}", secret));
    assertThat(redacted).doesNotContain(secret).contains(kept).contains("[REDACTED");
  }

  @Test
  void cloud_and_vendor_keys_are_redacted() {
    String awsId = "AKIA" + upper(16);
    String awsSecret = "wJal" + alnum(32) + "EXAM"; // 40 chars, mixed case
    String gcp = "AIza" + alnum(35);
    String github = "ghp_" + alnum(36);
    String slack = "xoxb-" + RANDOM.nextInt(1_000_000) + "-" + alnum(24);
    String openai = "sk-proj-" + alnum(40);
    String jwt =
        "eyJhbGciOiJIUzI1NiJ9."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(alnum(30).getBytes())
            + "."
            + alnum(43);
    String text =
        String.join(
            "\n",
            "aws configure set aws_access_key_id " + awsId,
            "export AWS_SECRET_ACCESS_KEY=" + awsSecret,
            "maps key " + gcp + " rejected",
            "git clone https://" + github + "@github.com/acme/app",
            "slack post failed token " + slack,
            "calling model with " + openai,
            "session cookie " + jwt);
    String redacted = Redactor.redact(text);
    for (String secret : new String[] {awsId, awsSecret, gcp, github, slack, openai, jwt}) {
      assertThat(redacted).as(secret).doesNotContain(secret);
    }
    assertThat(redacted).contains("aws configure set", "maps key", "rejected", "session cookie");
  }

  @Test
  void a_private_key_vanishes_whole_even_inside_json() throws Exception {
    var gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(1024);
    String body =
        Base64.getMimeEncoder().encodeToString(gen.generateKeyPair().getPrivate().getEncoded());
    String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";
    String json =
        "{\"type\":\"service_account\",\"private_key\":\""
            + pem.replace("\n", "\\n")
            + "\",\"client_email\":\"x@p.iam\"}";
    assertThat(Redactor.redact("key:\n" + pem + "\nloaded"))
        .isEqualTo("key:\n[REDACTED private key]\nloaded");
    String redacted = Redactor.redact(json);
    assertThat(redacted).doesNotContain(body.substring(0, 40)).contains("client_email");
  }

  @Test
  void ordinary_operational_text_is_left_alone() {
    String sha = HexFormat.of().formatHex(new byte[20]).replace('0', 'a');
    String text =
        "OOMKilled exit code 137, limit 256Mi; image ghcr.io/acme/app@sha256:"
            + sha
            + sha.substring(0, 24)
            + " commit "
            + sha
            + "; token budget exceeded; GET /healthz 200";
    assertThat(Redactor.redact(text)).isEqualTo(text);
  }
}
