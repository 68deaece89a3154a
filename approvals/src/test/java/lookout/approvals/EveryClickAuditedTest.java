package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import lookout.approvals.Decision.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every click is in the audit with the verified user and the reason, whatever came of it: accepted,
 * duplicate, refused, expired, or a button value Lookout never signed.
 */
class EveryClickAuditedTest {
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

  @Test
  void accepted_duplicate_and_refused_clicks_each_leave_a_row_with_who_and_why() {
    Decision own = approvals.decide(approvals.approveToken(r), "console:alice");
    Decision stranger = approvals.decide(approvals.approveToken(r), "console:mallory");
    Decision anonymous = approvals.decide(approvals.approveToken(r), "nobody");
    Decision accepted = approvals.decide(approvals.approveToken(r), "console:bob");
    Decision late = approvals.decide(approvals.rejectToken(r), "console:dave");

    assertThat(own.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(stranger.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(anonymous.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(accepted.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(late.outcome()).isEqualTo(Outcome.ALREADY_DECIDED);
    assertThat(List.of(own, stranger, anonymous, late)).noneMatch(Decision::changed);
    assertThat(accepted.changed()).isTrue();
    assertThat(approvals.audit(r.id()))
        .extracting(AuditEntry::event, AuditEntry::actor)
        .containsExactly(
            tuple("requested", "console:alice"),
            tuple("refused", "console:alice"),
            tuple("refused", "console:mallory"),
            tuple("refused", "unverified"),
            tuple("approved", "console:bob"),
            tuple("duplicate", "console:dave"));
    List<AuditEntry> rows = approvals.audit(r.id());
    assertThat(rows.get(1).detail()).startsWith("approve: you requested this");
    assertThat(rows.get(2).detail()).contains("console:mallory").contains("not");
    assertThat(rows.get(3).detail()).isEqualTo("approve: could not tell who clicked");
    assertThat(rows.get(5).detail()).isEqualTo("reject clicked: already approved by console:bob");
  }

  @Test
  void forged_or_garbled_values_are_audited_as_invalid_under_the_clicker() {
    String token = approvals.approveToken(r);
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    String gone = f.tokens.decision("no-such-request", ButtonTokens.Choice.APPROVE, r.expiresAt());

    for (String value : new String[] {flipped, "garbage", "", gone}) {
      assertThat(approvals.decide(value, "console:mallory").outcome()).isEqualTo(Outcome.INVALID);
    }

    List<AuditEntry> rows =
        approvals.audit(new AuditQuery(Instant.EPOCH, null, "console:mallory", 100));
    assertThat(rows)
        .extracting(AuditEntry::requestId, AuditEntry::event, AuditEntry::actor)
        .containsOnly(tuple("click:invalid", "invalid", "console:mallory"))
        .hasSize(4);
    assertThat(rows.get(0).detail())
        .isEqualTo("not a button value Lookout signed (it names request " + r.id() + ")");
    assertThat(rows.get(1).detail()).isEqualTo("not a button value Lookout signed");
    assertThat(rows.get(3).detail())
        .isEqualTo("a signed button for request no-such-request, which is gone");
    assertThat(approvals.find(r.id()).orElseThrow().state()).isEqualTo(State.PENDING);
  }

  @Test
  void a_click_after_the_ttl_is_audited_under_the_clicker_beside_the_expiry() {
    f.clock.advance(Duration.ofMinutes(16));

    approvals.decide(approvals.approveToken(r), "console:bob");

    assertThat(approvals.audit(r.id()))
        .extracting(AuditEntry::event, AuditEntry::actor)
        .containsExactly(
            tuple("requested", "console:alice"),
            tuple("expired", "system"),
            tuple("expired", "console:bob"));
    assertThat(approvals.audit(r.id()).getLast().detail())
        .startsWith("approve clicked: this request expired at 10:15 UTC");
  }

  @Test
  void the_audit_trail_export_shows_click_rows_too() {
    approvals.decide("forged.a.1.x", "console:mallory");
    approvals.decide(approvals.approveToken(r), "console:bob");
    approvals.decide(approvals.approveToken(r), "console:bob");

    List<AuditEntry> all =
        new AuditTrail(f.db).query(new AuditQuery(Instant.EPOCH, null, null, 100));

    assertThat(all)
        .extracting(AuditEntry::event)
        .containsExactly("requested", "invalid", "approved", "duplicate");
  }
}
