package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may silence alerts, for how long alone, and what the audit trail says about it. */
class SilencePolicyTest {
  static final List<SilenceMatcher> MATCHERS =
      List.of(
          SilenceMatcher.equal("alertname", "KubePodCrashLooping"),
          SilenceMatcher.equal("namespace", "prod"));
  @TempDir Path dir;

  static SilenceAlerts silence(String who, Duration d) {
    return new SilenceAlerts(
        "sandbox", "prod", "KubePodCrashLooping", MATCHERS, d, who, "from the alert thread");
  }

  @Test
  void an_approver_silences_for_an_hour_alone_and_the_audit_says_so() {
    Fixture f = new Fixture(dir);

    ApprovalRequest r =
        f.approvals.act(silence("console:alice", Duration.ofHours(1)), "console:alice");

    assertThat(r.state()).isEqualTo(State.APPROVED);
    assertThat(r.approvals()).containsExactly("console:alice");
    assertThat(f.approvals.execute(r.id()).state()).isEqualTo(State.SUCCEEDED);
    assertThat(f.approvals.audit(r.id()))
        .extracting(AuditEntry::event, AuditEntry::actor, AuditEntry::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requested", "console:alice", "silence"),
            org.assertj.core.groups.Tuple.tuple("approved", "console:alice", "silence"),
            org.assertj.core.groups.Tuple.tuple("executing", "system", "silence"),
            org.assertj.core.groups.Tuple.tuple("succeeded", "system", "silence"));
    assertThat(f.approvals.audit(r.id()).get(1).detail())
        .contains("alone: policy rule prod needs no second approver");
  }

  @Test
  void a_day_long_silence_needs_a_second_approver_like_a_restart() {
    Fixture f = new Fixture(dir);

    ApprovalRequest r =
        f.approvals.act(silence("console:alice", Duration.ofHours(24)), "console:alice");

    assertThat(r.state()).isEqualTo(State.PENDING);
    assertThat(f.approvals.decide(f.approvals.approveToken(r), "console:alice").outcome())
        .isEqualTo(Decision.Outcome.REFUSED);
    assertThat(f.approvals.decide(f.approvals.approveToken(r), "console:bob").outcome())
        .isEqualTo(Decision.Outcome.APPROVED);
  }

  @Test
  void someone_who_is_not_an_approver_cannot_silence_and_the_refusal_is_audited() {
    Fixture f = new Fixture(dir);

    assertThatThrownBy(
            () -> f.approvals.act(silence("console:eve", Duration.ofHours(1)), "console:eve"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "console:eve may not silence alerts in prod: only approvers may (group:sre; policy"
                + " rule prod)");

    assertThat(f.approvals.recent(10)).isEmpty();
    List<AuditEntry> audit =
        f.approvals.audit(new AuditQuery(Instant.EPOCH, null, "console:eve", 10));
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).event()).isEqualTo("refused");
    assertThat(audit.get(0).kind()).isEqualTo("silence");
    assertThat(audit.get(0).action()).startsWith("silence KubePodCrashLooping in prod for 1h");
    assertThat(audit.get(0).error()).contains("only approvers may");
  }

  @Test
  void a_silence_longer_than_the_rule_allows_is_refused_with_the_limit() {
    Fixture f = new Fixture(dir);

    assertThatThrownBy(
            () -> f.approvals.act(silence("console:alice", Duration.ofDays(8)), "console:alice"))
        .hasMessage("a silence of 8d exceeds the limit of 7d in prod (policy rule prod)");
    assertThat(f.approvals.recent(10)).isEmpty();
  }

  @Test
  void nobody_creates_a_silence_in_someone_elses_name() {
    Fixture f = new Fixture(dir);

    assertThatThrownBy(
            () -> f.approvals.act(silence("console:bob", Duration.ofHours(1)), "console:alice"))
        .hasMessageContaining("console:alice cannot create one for console:bob");
  }

  @Test
  void an_approver_unsilences_alone() {
    Fixture f = new Fixture(dir);
    var unsilence =
        new ExpireSilence(
            "sandbox", "prod", "KubePodCrashLooping", "87b69909-1a35-4358-baf5-08834cb37050");

    ApprovalRequest r = f.approvals.act(unsilence, "console:bob");

    assertThat(r.state()).isEqualTo(State.APPROVED);
    assertThat(r.action().describe())
        .isEqualTo("unsilence KubePodCrashLooping in prod (silence 87b69909)");
  }

  @Test
  void restarts_are_never_done_alone() {
    Fixture f = new Fixture(dir);

    assertThat(f.approvals.act(Fixture.RESTART, "console:alice").state()).isEqualTo(State.PENDING);
  }

  @Test
  void the_rule_sets_how_long_one_approver_may_silence_alone() {
    Fixture f =
        new Fixture(
            dir,
            """
            groups:
              sre: [console:alice, console:bob]
            rules:
              - namespaces: ["*"]
                actions: [silence]
                approvers: ["group:sre"]
                silenceAlone: 30m
                maxSilence: 1d
            """);

    assertThat(
            f.approvals
                .act(silence("console:alice", Duration.ofMinutes(30)), "console:alice")
                .state())
        .isEqualTo(State.APPROVED);
    assertThat(
            f.approvals.act(silence("console:alice", Duration.ofHours(1)), "console:alice").state())
        .isEqualTo(State.PENDING);
    assertThatThrownBy(
            () -> f.approvals.act(silence("console:alice", Duration.ofHours(25)), "console:alice"))
        .hasMessage("a silence of 1d1h exceeds the limit of 1d in prod (policy rule rules[0])");
  }

  @Test
  void silence_alone_longer_than_max_silence_is_a_policy_error() {
    assertThatThrownBy(
            () ->
                PolicyLoader.parse(
                    """
                    rules:
                      - namespaces: ["*"]
                        approvers: [console:alice]
                        silenceAlone: 2d
                        maxSilence: 1d
                    """,
                    "policy.yaml"))
        .hasMessage(
            "policy.yaml: rules[0].silenceAlone: 2d is longer than maxSilence 1d — expected at"
                + " most maxSilence");
  }

  @Test
  void silence_actions_survive_a_proposal_token() {
    Fixture f = new Fixture(dir);
    SilenceAlerts s =
        new SilenceAlerts(
            "sandbox",
            "",
            "NodeDown",
            List.of(new SilenceMatcher("instance", "node-[0-9]+", true, true)),
            Duration.ofMinutes(90),
            "slack:U02BOB",
            "thread slack:C1/17.2");
    var e = new ExpireSilence("sandbox", "", "NodeDown", "87b69909-1a35-4358-baf5-08834cb37050");

    assertThat(f.approvals.readProposal(f.approvals.proposalToken(s))).contains(s);
    assertThat(f.approvals.readProposal(f.approvals.proposalToken(e))).contains(e);
    assertThat(s.describe()).isEqualTo("silence NodeDown for 1h30m {instance=~\"node-[0-9]+\"}");
  }
}
