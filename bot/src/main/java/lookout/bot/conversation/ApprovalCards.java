package lookout.bot.conversation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;

/**
 * The approval card for a request, in every state. The card is edited in place as the request
 * moves, so the thread always shows who asked, who approved and what happened.
 */
final class ApprovalCards {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final Approvals approvals;

  ApprovalCards(Approvals approvals) {
    this.approvals = approvals;
  }

  Message render(ApprovalRequest r) {
    String what = r.action().describe();
    List<Part.Fact> facts = new ArrayList<>();
    facts.add(new Part.Fact("Action", what));
    facts.add(new Part.Fact("Cluster", r.action().cluster()));
    facts.add(new Part.Fact("Requested by", r.requester()));
    facts.add(new Part.Fact("Request", r.id()));
    List<Part> parts = new ArrayList<>();
    String summary;
    switch (r.state()) {
      case PENDING -> {
        summary = "Approval needed: " + what;
        facts.add(new Part.Fact("Expires", TIME.format(r.expiresAt())));
        parts.add(new Part.Facts(facts));
        parts.add(
            new Part.Actions(
                List.of(
                    new Part.Button("Approve", approvals.approveToken(r), Part.Style.PRIMARY),
                    new Part.Button("Reject", approvals.rejectToken(r), Part.Style.DANGER))));
        parts.add(
            new Part.Note(
                "Only an approver named in the policy can approve, and not the requester."));
        return new Message(summary, parts);
      }
      case APPROVED, EXECUTING -> summary = "Approved by " + approvers(r) + " — running: " + what;
      case SUCCEEDED -> summary = "Done: " + what + " — approved by " + approvers(r);
      case FAILED -> summary = "Failed: " + what + " — approved by " + approvers(r);
      case REJECTED -> summary = "Rejected by " + r.decidedBy() + ": " + what;
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
    parts.add(new Part.Facts(facts));
    return new Message(summary, parts);
  }

  private static String approvers(ApprovalRequest r) {
    return r.approvals().isEmpty()
        ? String.valueOf(r.decidedBy())
        : String.join(", ", r.approvals());
  }
}
