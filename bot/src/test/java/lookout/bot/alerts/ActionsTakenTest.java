package lookout.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.MessageRef;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;
import lookout.approvals.State;
import lookout.bot.conversation.MessageRefs;
import org.junit.jupiter.api.Test;

/** Which approval requests an alert thread's incident lists, and how it words them. */
class ActionsTakenTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final ConversationRef THREAD = new ConversationRef("slack", "C0456", "1700000000.0001");

  final Map<String, ApprovalRequest> requests = new java.util.LinkedHashMap<>();
  final List<AuditEntry> audit = new ArrayList<>();
  final List<AuditQuery> queries = new ArrayList<>();

  final ActionsTaken actions =
      new ActionsTaken(
          new ActionsTaken.Source() {
            @Override
            public List<AuditEntry> audit(AuditQuery query) {
              queries.add(query);
              return audit.stream().filter(e -> !e.at().isBefore(query.since())).toList();
            }

            @Override
            public Optional<ApprovalRequest> find(String requestId) {
              return Optional.ofNullable(requests.get(requestId));
            }
          });

  void request(
      String id,
      lookout.approvals.Action action,
      State state,
      ConversationRef where,
      Instant at,
      String result) {
    requests.put(
        id,
        new ApprovalRequest(
            id,
            action,
            "slack:U_ALICE",
            state,
            at,
            at.plusSeconds(900),
            List.of(),
            null,
            result,
            where == null ? null : MessageRefs.encode(new MessageRef(where, "card-" + id)),
            1,
            "group:sre",
            null,
            null));
  }

  void row(String id, Instant at, String actor, String event, String error) {
    audit.add(
        new AuditEntry(
            audit.size() + 1,
            id,
            at,
            actor,
            event,
            "",
            "restart",
            "default",
            "staging",
            "checkout",
            requests.get(id).action().describe(),
            "slack:U_ALICE",
            List.of(),
            null,
            null,
            error));
  }

  @Test
  void a_restart_approved_in_the_thread_reads_who_asked_who_approved_and_how_it_ended() {
    request("r1", restart(), State.SUCCEEDED, THREAD, T0.plusSeconds(60), "rollout restarted");
    row("r1", T0.plusSeconds(60), "slack:U_ALICE", "requested", null);
    row("r1", T0.plusSeconds(90), "slack:U_BOB", "approved", null);
    row("r1", T0.plusSeconds(91), "system", "executing", null);
    row("r1", T0.plusSeconds(92), "system", "succeeded", null);

    assertThat(actions.in(List.of(THREAD), T0, "staging"))
        .containsExactly(
            "restart deployment staging/checkout: requested by slack:U_ALICE at 2026-11-22"
                + " 02:01:00 UTC; approved by slack:U_BOB at 2026-11-22 02:01:30 UTC; succeeded at"
                + " 2026-11-22 02:01:32 UTC; SUCCEEDED: rollout restarted");
    assertThat(queries.get(0).namespace()).isEqualTo("staging");
  }

  @Test
  void requests_from_other_threads_or_before_the_episode_are_not_this_incidents() {
    ConversationRef elsewhere = new ConversationRef("slack", "C0456", "1700000099.0001");
    request("other", restart(), State.PENDING, elsewhere, T0.plusSeconds(10), null);
    row("other", T0.plusSeconds(10), "slack:U_ALICE", "requested", null);
    request("no-card", restart(), State.PENDING, null, T0.plusSeconds(11), null);
    row("no-card", T0.plusSeconds(11), "slack:U_ALICE", "requested", null);
    request("earlier", restart(), State.PENDING, THREAD, T0.minusSeconds(600), null);
    row("earlier", T0.plusSeconds(12), "slack:U_BOB", "approved", null);

    assertThat(actions.in(List.of(THREAD), T0, "staging")).isEmpty();
  }

  @Test
  void a_rejection_and_an_expiry_name_who_decided_and_the_system_stays_anonymous() {
    request("r1", scale(), State.REJECTED, THREAD, T0, null);
    row("r1", T0, "slack:U_ALICE", "requested", null);
    row("r1", T0.plusSeconds(5), "slack:U_CAROL", "rejected", "not during the freeze");
    request("r2", restart(), State.EXPIRED, THREAD, T0.plusSeconds(6), null);
    row("r2", T0.plusSeconds(6), "slack:U_ALICE", "requested", null);
    row("r2", T0.plusSeconds(906), "system", "expired", null);

    List<String> lines = actions.in(List.of(THREAD), T0, null);

    assertThat(lines.get(0))
        .startsWith("scale deployment staging/checkout to 5")
        .contains("rejected by slack:U_CAROL at 2026-11-22 02:00:05 UTC (not during the freeze)")
        .endsWith("REJECTED");
    assertThat(lines.get(1)).contains("; expired at 2026-11-22 02:15:06 UTC; EXPIRED");
    assertThat(queries.get(0).namespace()).isNull();
  }

  @Test
  void breaker_rows_and_an_empty_thread_list_read_nothing() {
    audit.add(
        new AuditEntry(
            1,
            "breaker:restart:default/staging/checkout",
            T0,
            "system",
            "breaker-opened",
            "",
            "restart",
            "default",
            "staging",
            "checkout",
            "",
            "",
            List.of(),
            null,
            null,
            null));
    assertThat(actions.in(List.of(THREAD), T0, "staging")).isEmpty();
    assertThat(actions.in(List.of(), T0, "staging")).isEmpty();
  }

  static RestartDeployment restart() {
    return new RestartDeployment("default", "staging", "checkout");
  }

  static ScaleWorkload scale() {
    return new ScaleWorkload("default", "staging", "deployment", "checkout", 5);
  }
}
