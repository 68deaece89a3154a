package lookout.bot.conversation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.State;

/**
 * The approval card for a request, in every state. The card is edited in place as the request
 * moves, so the thread always shows who asked, what will change, who approved (and how many more
 * are needed), and what happened.
 */
final class ApprovalCards {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Approvals approvals;

  ApprovalCards(Approvals approvals) {
    this.approvals = approvals;
  }

  Message render(ApprovalRequest r) {
    return render(r, Optional.empty());
  }

  /**
   * @param rollout how far the rollout a finished restart started has got, if known
   */
  Message render(ApprovalRequest r, Optional<String> rollout) {
    String what = r.action().describe();
    List<Part.Fact> facts = new ArrayList<>();
    facts.add(new Part.Fact("Action", what));
    facts.add(new Part.Fact("Cluster", r.action().cluster()));
    if (r.dryRun() != null) {
      facts.add(new Part.Fact("Will change", r.dryRun() + " (checked by a server-side dry run)"));
    }
    facts.add(new Part.Fact("Requested by", r.requester()));
    facts.add(new Part.Fact("Request", r.id()));
    List<Part> parts = new ArrayList<>();
    String summary;
    switch (r.state()) {
      case PENDING -> {
        return pending(r, what, facts);
      }
      case APPROVED -> summary = "Approved by " + approvers(r) + " — starting: " + what;
      case EXECUTING -> summary = "Executing: " + what + " — approved by " + approvers(r);
      case SUCCEEDED -> summary = "Done: " + what + " — approved by " + approvers(r);
      case FAILED -> summary = "Failed: " + what + " — approved by " + approvers(r);
      case DRIFTED ->
          summary =
              "Stopped: " + what + " — the target changed since the request; nothing was changed";
      case REJECTED ->
          summary =
              (r.decidedBy() != null && r.decidedBy().equals(r.requester())
                      ? "Cancelled by "
                      : "Rejected by ")
                  + r.decidedBy()
                  + ": "
                  + what;
      case EXPIRED ->
          summary =
              "Expired: nobody approved " + what + " in time. Ask again to make a new request.";
      default -> summary = what + ": " + r.state();
    }
    if (!r.approvals().isEmpty()) {
      facts.add(new Part.Fact("Approved by", String.join(", ", r.approvals())));
    }
    if (r.result() != null) {
      facts.add(new Part.Fact("Result", r.result()));
    }
    rollout.ifPresent(p -> facts.add(new Part.Fact("Rollout", p)));
    parts.add(new Part.Facts(facts));
    if (r.state() == State.DRIFTED) {
      parts.add(
          new Part.Actions(
              List.of(
                  new Part.Button(
                      "Request again with a fresh dry run",
                      approvals.proposalToken(r.action()),
                      Part.Style.DEFAULT))));
    }
    return new Message(summary, parts);
  }

  private Message pending(ApprovalRequest r, String what, List<Part.Fact> facts) {
    String progress = r.approvals().size() + " of " + r.requiredApprovals();
    if (!r.approvals().isEmpty()) {
      facts.add(
          new Part.Fact("Approved by", String.join(", ", r.approvals()) + " (" + progress + ")"));
    }
    facts.add(new Part.Fact("Expires", TIME.format(r.expiresAt())));
    List<Part> parts = new ArrayList<>();
    parts.add(new Part.Facts(facts));
    parts.add(
        new Part.Actions(
            List.of(
                new Part.Button("Approve", approvals.approveToken(r), Part.Style.PRIMARY),
                new Part.Button("Reject", approvals.rejectToken(r), Part.Style.DANGER))));
    parts.add(new Part.Note(waiting(r)));
    String summary =
        "Approval needed: "
            + what
            + (r.requiredApprovals() > 1 ? " (" + progress + " approvals)" : "");
    // Brought to the approvers the policy names: on platforms where a card is a private message
    // (WeCom), they would not see it otherwise. Only the pending card asks anyone to act.
    return new Message(summary, parts, approvals.approversOf(r));
  }

  /** "Waiting for 1 more approval from group:sre; the requester cannot approve." */
  static String waiting(ApprovalRequest r) {
    int missing = r.missingApprovals();
    return "Waiting for "
        + missing
        + " more approval"
        + (missing == 1 ? "" : "s")
        + (r.approvers().isEmpty() ? "" : " from " + r.approvers())
        + (r.requiredApprovals() > 1 ? " (distinct approvers)" : "")
        + "; the requester cannot approve their own request unless the policy allows it.";
  }

  private static String approvers(ApprovalRequest r) {
    return r.approvals().isEmpty()
        ? String.valueOf(r.decidedBy())
        : String.join(", ", r.approvals());
  }
}
