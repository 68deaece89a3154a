package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import lookout.approvals.ButtonTokens.Choice;
import org.junit.jupiter.api.Test;

class ButtonTokensTest {
  private final ButtonTokens tokens = new ButtonTokens(Fixture.KEY);
  private final Instant expiry = Instant.parse("2026-03-01T10:15:00Z");

  @Test
  void keys_shorter_than_32_bytes_are_refused() {
    assertThatThrownBy(() -> new ButtonTokens(new byte[31]))
        .hasMessage("button token key must be at least 32 bytes, got 31");
    assertThatThrownBy(() -> new ButtonTokens(null)).hasMessageContaining("got none");
    assertThat(ButtonTokens.generateKey()).hasSize(32).isNotEqualTo(ButtonTokens.generateKey());
  }

  @Test
  void decision_token_has_the_documented_shape_and_roundtrips() {
    String token = tokens.decision("abc_-123", Choice.REJECT, expiry);

    assertThat(token).matches("abc_-123\\.r\\." + expiry.getEpochSecond() + "\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.readDecision(token))
        .contains(new ButtonTokens.DecisionToken("abc_-123", Choice.REJECT, expiry));
  }

  @Test
  void key_caller_controls_nothing_without_the_key() {
    String token = tokens.decision("abc", Choice.APPROVE, expiry);
    ButtonTokens other = new ButtonTokens("another key that is 32 bytes ok!".getBytes());

    assertThat(other.readDecision(token)).isEmpty();
    assertThat(tokens.readProposal(token)).isEmpty();
  }

  @Test
  void oversized_proposal_is_refused_at_creation() {
    assertThatThrownBy(() -> tokens.proposal("x".repeat(1500), expiry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over the 2000 a button value may hold");
  }

  @Test
  void question_token_roundtrips_any_text_and_is_no_other_kind_of_token() {
    String question = "diagnose deployment shop/reviews — 为什么访问不了?";
    String token = tokens.question(question, expiry);

    assertThat(token).startsWith("q.").doesNotContain(" ");
    assertThat(tokens.readQuestion(token))
        .contains(new ButtonTokens.QuestionToken(question, expiry));
    assertThat(tokens.readProposal(token)).as("question read as proposal").isEmpty();
    assertThat(tokens.readDecision(token)).as("question read as decision").isEmpty();
    String proposal = tokens.proposal("{\"kind\":\"restart\"}", expiry);
    assertThat(tokens.readQuestion(proposal)).as("proposal read as question").isEmpty();
  }

  @Test
  void a_question_token_with_another_question_or_another_key_is_refused() {
    String[] p = tokens.question("status of prod", expiry).split("\\.");
    String other =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "restart checkout in prod".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(tokens.readQuestion(p[0] + "." + other + "." + p[2] + "." + p[3])).isEmpty();
    assertThat(
            new ButtonTokens("another key that is 32 bytes ok!".getBytes())
                .readQuestion(String.join(".", p)))
        .isEmpty();
    assertThat(tokens.readQuestion("q.e30.1.x")).isEmpty();
    assertThat(tokens.readQuestion(null)).isEmpty();
    assertThatThrownBy(() -> tokens.question("x".repeat(1500), expiry))
        .hasMessageContaining("question token would be");
  }

  @Test
  void request_ids_that_are_not_url_safe_are_refused() {
    assertThatThrownBy(() -> tokens.decision("a.b", Choice.APPROVE, expiry))
        .hasMessage("request id \"a.b\" is not URL-safe");
  }
}
