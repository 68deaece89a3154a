package lookout.bot.alerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import lookout.adapters.chat.ConversationRef;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.bot.conversation.MessageRefs;

/**
 * The approval requests made from an alert group's threads, read back from the append-only
 * approvals audit, as lines for the incident: what, on which target, who requested, who approved or
 * rejected, how it ended, and when.
 *
 * <p>A request belongs to the thread when its card was posted there: the card's message reference
 * (which approvals stores opaquely) names the platform, channel and thread, and the thread is the
 * group's root message. Matching on the target's namespace and time window instead would also pick
 * up requests made in other chats about the same workload; the thread is exact.
 */
final class ActionsTaken {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final int MAX_ROWS = 10_000;
  private static final Set<String> DECISIONS =
      Set.of("approved", "rejected", "cancelled", "refused", "expired");
  private static final Set<String> OUTCOMES = Set.of("succeeded", "failed", "drifted");

  /** What actions needs from approvals; the bot passes {@code Approvals}. */
  interface Source {
    List<AuditEntry> audit(AuditQuery query);

    Optional<ApprovalRequest> find(String requestId);
  }

  private final Source approvals;

  ActionsTaken(Source approvals) {
    this.approvals = approvals;
  }

  static ActionsTaken none() {
    return new ActionsTaken(
        new Source() {
          @Override
          public List<AuditEntry> audit(AuditQuery query) {
            return List.of();
          }

          @Override
          public Optional<ApprovalRequest> find(String requestId) {
            return Optional.empty();
          }
        });
  }

  /**
   * One line per request made in {@code threads} since {@code since}, oldest first. Rows are read
   * only for {@code namespace} when the group has one, so a busy audit is not scanned whole.
   */
  List<String> in(List<ConversationRef> threads, Instant since, String namespace) {
    if (threads.isEmpty()) {
      return List.of();
    }
    Map<String, List<AuditEntry>> byRequest = new LinkedHashMap<>();
    for (AuditEntry e :
        approvals.audit(
            new AuditQuery(
                since,
                namespace == null || namespace.isBlank() ? null : namespace,
                null,
                MAX_ROWS))) {
      if (!e.requestId().startsWith("breaker:")) {
        byRequest.computeIfAbsent(e.requestId(), k -> new ArrayList<>()).add(e);
      }
    }
    List<String> lines = new ArrayList<>();
    Function<ApprovalRequest, Boolean> inThread =
        r ->
            MessageRefs.decode(r.messageRef())
                .map(ref -> threads.contains(ref.conversation()))
                .orElse(false);
    byRequest.forEach(
        (id, rows) ->
            approvals
                .find(id)
                .filter(r -> !r.createdAt().isBefore(since))
                .filter(inThread::apply)
                .ifPresent(r -> lines.add(describe(r, rows))));
    return lines;
  }

  /** "restart deployment staging/checkout: requested by console:alice at …; approved by …; …". */
  static String describe(ApprovalRequest r, List<AuditEntry> rows) {
    StringBuilder s = new StringBuilder(r.action().describe());
    s.append(": requested by ")
        .append(r.requester())
        .append(" at ")
        .append(TIME.format(r.createdAt()));
    for (AuditEntry e : rows) {
      if (DECISIONS.contains(e.event())) {
        s.append("; ").append(e.event());
        if (!"system".equals(e.actor())) {
          s.append(" by ").append(e.actor());
        }
        s.append(" at ").append(TIME.format(e.at()));
        if (e.error() != null && !e.error().isBlank()) {
          s.append(" (").append(e.error()).append(")");
        }
      } else if (OUTCOMES.contains(e.event())) {
        s.append("; ").append(e.event()).append(" at ").append(TIME.format(e.at()));
      }
    }
    s.append("; ").append(r.state().name());
    if (r.result() != null && !r.result().isBlank()) {
      s.append(": ").append(r.result());
    }
    return s.toString();
  }
}
