package lookout.agent.offline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.grammar.Command;
import lookout.approvals.Approvals;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.approvals.BreakerKey;

/**
 * Answers about Lookout's own approvals: the audit trail as compact lines, and breaker resets. The
 * reset is authorized by approvals against the verified asker, never by anything in the text.
 */
final class ApprovalAnswers {
  /** Rows shown in chat; the CLI export has no such limit. */
  static final int MAX_ROWS = 20;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final String cluster;
  private final Approvals approvals;
  private final Clock clock;

  /**
   * @param approvals null when this agent runs without approvals (then these commands say so)
   */
  ApprovalAnswers(String cluster, Approvals approvals, Clock clock) {
    this.cluster = cluster;
    this.approvals = approvals;
    this.clock = clock;
  }

  Answer audit(Command.Audit command) {
    if (approvals == null) {
      return Replies.text("The audit trail is not available here (no approvals database).");
    }
    Instant since =
        command.scope() == Command.Audit.Scope.TODAY
            ? clock.instant().truncatedTo(ChronoUnit.DAYS)
            : Instant.EPOCH;
    String namespace = command.scope() == Command.Audit.Scope.NAMESPACE ? command.value() : null;
    String user = command.scope() == Command.Audit.Scope.USER ? command.value() : null;
    List<AuditEntry> rows = approvals.audit(new AuditQuery(since, namespace, user, MAX_ROWS));
    String scope =
        switch (command.scope()) {
          case ALL -> "";
          case TODAY -> " today (UTC)";
          case NAMESPACE -> " in namespace " + command.value();
          case USER -> " by or for " + command.value();
        };
    if (rows.isEmpty()) {
      return Replies.text("No approval activity" + scope + ".");
    }
    List<String> lines = new ArrayList<>();
    for (AuditEntry e : rows) {
      lines.add(line(e));
    }
    return Replies.of(
        "Approval audit" + scope + ": the last " + rows.size() + " events, oldest first (UTC).",
        List.of(
            Replies.code("", lines),
            Replies.section(
                "",
                List.of(
                    "At most "
                        + MAX_ROWS
                        + " events are shown here; export everything with `lookout audit"
                        + " --since 7d --json`."))));
  }

  Answer resetBreaker(Command.ResetBreaker command, String asker) {
    if (approvals == null) {
      return Replies.text("Breakers are not available here (no approvals database).");
    }
    return Replies.text(
        approvals.resetBreaker(
            new BreakerKey(command.kind(), cluster, command.namespace(), command.name()), asker));
  }

  /** {@code 11-22 10:15 approved console:bob — scale deployment prod/api to 5 [req abcd1234]}. */
  static String line(AuditEntry e) {
    StringBuilder b = new StringBuilder();
    b.append(TIME.format(e.at())).append(' ').append(e.event()).append(' ').append(e.actor());
    boolean noRequest = e.requestId().startsWith("breaker:") || e.requestId().startsWith("click:");
    b.append(" — ")
        .append(e.action() != null ? e.action() : noRequest ? "a button" : e.requestId());
    if (e.error() != null) {
      b.append(": ").append(shorten(e.error()));
    } else if (e.event().equals("succeeded") && e.result() != null) {
      b.append(": ").append(shorten(e.result()));
    }
    if (!noRequest) {
      b.append(" [req ").append(e.requestId(), 0, Math.min(8, e.requestId().length())).append(']');
    }
    return b.toString();
  }

  private static String shorten(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 100 ? line : line.substring(0, 99) + "…";
  }
}
