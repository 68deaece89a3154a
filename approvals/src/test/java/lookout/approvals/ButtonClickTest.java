package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ButtonClickTest {
  @TempDir Path dir;
  Fixture f;
  Approvals approvals;
  ApprovalRequest r;

  @BeforeEach
  void setUp() {
    f = new Fixture(dir);
    approvals = f.approvals;
    r = approvals.request(Fixture.RESTART, "console:alice");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "approve",
        "a.b.c.d",
        "....",
        "x.a.1.y",
        "AAAA.a.99999999999.AAAA",
        "üñí.a.1.x",
        "p.eyJ9.1.x",
        "a.b.c.d.e"
      })
  void forged_token_is_invalid(String token) {
    Decision d = approvals.decide(token, "console:bob");

    assertThat(d.outcome()).isEqualTo(Outcome.INVALID);
    assertThat(d.message()).isEqualTo("this button is not valid");
    assertThat(d.request()).isEmpty();
  }

  @Test
  void tampered_or_foreign_tokens_are_invalid() {
    String token = approvals.approveToken(r);
    String[] p = token.split("\\.");
    ButtonTokens otherKey = new ButtonTokens(ButtonTokens.generateKey());

    assertThat(
            approvals
                .decide(p[0] + ".a." + (Long.parseLong(p[2]) + 3600) + "." + p[3], "console:bob")
                .outcome())
        .as("longer expiry")
        .isEqualTo(Outcome.INVALID);
    assertThat(approvals.decide(p[0] + ".r." + p[2] + "." + p[3], "console:bob").outcome())
        .as("approve turned into reject")
        .isEqualTo(Outcome.INVALID);
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(approvals.decide(flipped, "console:bob").outcome())
        .as("flipped mac")
        .isEqualTo(Outcome.INVALID);
    assertThat(
            approvals
                .decide(
                    otherKey.decision(r.id(), ButtonTokens.Choice.APPROVE, r.expiresAt()),
                    "console:bob")
                .outcome())
        .as("other key")
        .isEqualTo(Outcome.INVALID);
    assertThat(approvals.decide(approvals.proposalToken(Fixture.RESTART), "console:bob").outcome())
        .as("proposal as decision")
        .isEqualTo(Outcome.INVALID);
    assertThat(approvals.find(r.id()).orElseThrow().state()).isEqualTo(State.PENDING);
  }

  @Test
  void token_for_other_request_is_invalid() {
    ApprovalRequest other = approvals.request(Fixture.RESTART, "console:alice");
    String token = approvals.approveToken(r);
    String swapped = other.id() + token.substring(r.id().length());
    String unknown =
        f.tokens.decision("Zm9yZ2VkLWlkLWZvci10ZXN0", ButtonTokens.Choice.APPROVE, r.expiresAt());

    assertThat(approvals.decide(swapped, "console:bob").outcome()).isEqualTo(Outcome.INVALID);
    assertThat(approvals.decide(unknown, "console:bob").outcome()).isEqualTo(Outcome.INVALID);
    assertThat(approvals.find(other.id()).orElseThrow().state()).isEqualTo(State.PENDING);
  }

  @Test
  void expired_request_cannot_be_approved() {
    String token = approvals.approveToken(r);
    f.clock.advance(Duration.ofMinutes(15));

    Decision d = approvals.decide(token, "console:bob");
    Decision again = approvals.decide(token, "console:bob");

    assertThat(d.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(d.message()).startsWith("this request expired at 10:15 UTC");
    assertThat(d.request().orElseThrow().state()).isEqualTo(State.EXPIRED);
    assertThat(again.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(approvals.execute(r.id()).state()).isEqualTo(State.EXPIRED);
    assertThat(f.executor.calls()).isZero();
    assertThat(d.changed()).as("the click that expired it edits the card").isTrue();
    assertThat(again.changed()).as("a later click does not").isFalse();
    assertThat(approvals.audit(r.id()))
        .extracting(AuditEntry::event, AuditEntry::actor)
        .containsExactly(
            tuple("requested", "console:alice"),
            tuple("expired", "system"),
            tuple("expired", "console:bob"),
            tuple("expired", "console:bob"));
  }

  @Test
  void approval_just_before_expiry_counts() {
    f.clock.advance(Duration.ofMinutes(15).minusMillis(1));

    assertThat(approvals.decide(approvals.approveToken(r), "console:bob").outcome())
        .isEqualTo(Outcome.APPROVED);
  }

  @Test
  void expireDue_moves_pending_to_expired() {
    f.clock.advance(Duration.ofMinutes(10));
    ApprovalRequest younger = approvals.request(Fixture.RESTART, "console:alice");
    ApprovalRequest decided = approvals.request(Fixture.RESTART, "console:alice");
    approvals.decide(approvals.rejectToken(decided), "console:bob");
    f.clock.advance(Duration.ofMinutes(6));

    var expired = approvals.expireDue();
    var secondRun = f.another().expireDue();

    assertThat(expired).extracting(ApprovalRequest::id).containsExactly(r.id());
    assertThat(expired.getFirst().state()).isEqualTo(State.EXPIRED);
    assertThat(secondRun).isEmpty();
    assertThat(approvals.find(younger.id()).orElseThrow().state()).isEqualTo(State.PENDING);
    assertThat(approvals.find(decided.id()).orElseThrow().state()).isEqualTo(State.REJECTED);
    assertThat(approvals.audit(r.id()).getLast())
        .extracting(AuditEntry::event, AuditEntry::actor)
        .containsExactly("expired", "system");
  }

  @Test
  void proposal_token_roundtrip_and_forgery() {
    ScaleWorkload scale = new ScaleWorkload("eu-1", "prod", "StatefulSet", "db", 3);
    String token = approvals.proposalToken(scale);
    String[] p = token.split("\\.");
    String otherAction =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"kind\":\"scale\",\"cluster\":\"eu-1\",\"namespace\":\"prod\",\"workloadKind\":\"StatefulSet\",\"name\":\"db\",\"replicas\":0}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(token.length()).isLessThan(2000);
    assertThat(approvals.readProposal(token)).contains(scale);
    assertThat(approvals.readProposal(approvals.proposalToken(Fixture.RESTART)))
        .contains(Fixture.RESTART);
    assertThat(approvals.readProposal(p[0] + "." + otherAction + "." + p[2] + "." + p[3]))
        .isEmpty();
    assertThat(approvals.readProposal(approvals.approveToken(r))).isEmpty();
    assertThat(approvals.readProposal("p.e30.1.x")).isEmpty();
    assertThat(approvals.readProposal(null)).isEmpty();
    f.clock.advance(Duration.ofHours(1).plusSeconds(1));
    assertThat(approvals.readProposal(token)).as("past proposalTtl").isEmpty();
  }

  @Test
  void question_token_asks_only_what_was_signed_until_it_expires() {
    String token = approvals.questionToken("diagnose deployment shop/reviews");

    assertThat(approvals.readQuestion(token)).contains("diagnose deployment shop/reviews");
    assertThat(approvals.readProposal(token)).isEmpty();
    assertThat(approvals.decide(token, "console:bob").outcome())
        .isEqualTo(Decision.Outcome.INVALID);
    assertThat(approvals.readQuestion(approvals.proposalToken(Fixture.RESTART))).isEmpty();
    f.clock.advance(Approvals.QUESTION_TTL.plusSeconds(1));
    assertThat(approvals.readQuestion(token)).as("past the question TTL").isEmpty();
  }
}
