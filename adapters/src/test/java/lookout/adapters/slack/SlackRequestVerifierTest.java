package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackRequestVerifierTest {
  // Slack's worked example from "Verifying requests from Slack".
  static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String DOC_TS = "1531420618";
  static final String DOC_BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands"
          + "%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String DOC_SIG =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static SlackRequestVerifier at(long epochSecond, String secret) {
    return new SlackRequestVerifier(
        secret, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void slacks_published_example_is_accepted() {
    var verifier = at(Long.parseLong(DOC_TS) + 60, DOC_SECRET);

    assertThat(verifier.sign(DOC_TS, bytes(DOC_BODY))).isEqualTo(DOC_SIG);
    assertThat(verifier.problem(DOC_TS, DOC_SIG, bytes(DOC_BODY))).isEmpty();
  }

  @Test
  void a_signature_from_the_sdk_generator_is_accepted() {
    String body = SignedRequests.mention("Ev1", "U1", "C1", "1.2", null, "<@UBOT> hi");
    long now = 1_800_000_000L;
    String signature = new SlackSignature.Generator("s3cret").generate(String.valueOf(now), body);

    assertThat(at(now, "s3cret").problem(String.valueOf(now), signature, bytes(body))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "299 s old is still fresh         | -299 | body | secret | ",
        "299 s ahead is still fresh       |  299 | body | secret | ",
        "301 s old is stale               | -301 | body | secret | away from now",
        "301 s in the future is refused   |  301 | body | secret | away from now",
        "a changed body is refused        |    0 | b0dy | secret | does not match",
        "another secret is refused        |    0 | body | other  | does not match",
      })
  void window_and_signature_are_both_checked(
      String name, long skew, String sentBody, String secret, String problem) {
    long now = 1_800_000_000L;
    String ts = String.valueOf(now + skew);
    String signature = new SlackSignature.Generator(secret).generate(ts, "body");

    var result = at(now, "secret").problem(ts, signature, bytes(sentBody));

    if (problem == null) {
      assertThat(result).isEmpty();
    } else {
      assertThat(result).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }
  }

  @ParameterizedTest(name = "timestamp {0}, signature {1}")
  @CsvSource(
      value = {
        ",v0=00",
        "1800000000,",
        "yesterday,v0=00",
        "1800000000,v0=short",
        "1800000000,''",
      })
  void missing_or_malformed_headers_are_refused(String ts, String signature) {
    assertThat(at(1_800_000_000L, "secret").problem(ts, signature, bytes("{}"))).isPresent();
  }
}
