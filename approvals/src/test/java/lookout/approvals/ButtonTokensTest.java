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
  void request_ids_that_are_not_url_safe_are_refused() {
    assertThatThrownBy(() -> tokens.decision("a.b", Choice.APPROVE, expiry))
        .hasMessage("request id \"a.b\" is not URL-safe");
  }

  @Test
  void command_tokens_roundtrip_and_are_no_other_kind_of_token() {
    String token = tokens.command("alert:3fa2:silence:1h", expiry);

    assertThat(tokens.readCommand(token))
        .contains(new ButtonTokens.CommandToken("alert:3fa2:silence:1h", expiry));
    assertThat(tokens.readProposal(token)).isEmpty();
    assertThat(tokens.readDecision(token)).isEmpty();
    assertThat(tokens.readCommand(tokens.proposal("{}", expiry))).isEmpty();
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);
    assertThat(tokens.readCommand(forged)).isEmpty();
  }
}
