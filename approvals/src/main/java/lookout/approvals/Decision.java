package lookout.approvals;

import java.util.Objects;
import java.util.Optional;

/**
 * What a button click did.
 *
 * @param message one line for the person who clicked (ephemeral reply or toast)
 * @param request the request after the click; empty only when the token named no request
 * @param changed whether this click changed the request (its card needs an edit): an approval, a
 *     rejection, or the click that found the request past its ttl and expired it. A click on a card
 *     that was already decided changes nothing and needs no edit, however often it comes.
 */
public record Decision(
    Outcome outcome, String message, Optional<ApprovalRequest> request, boolean changed) {
  /** How the click ended. Only APPROVED, APPROVAL_RECORDED and REJECTED changed anything. */
  public enum Outcome {
    /** The last approval the policy asks for: the request is APPROVED and may be executed. */
    APPROVED,
    /** One approval of several recorded; the request stays PENDING, waiting for more. */
    APPROVAL_RECORDED,
    REJECTED,
    /** The policy said no to this user; nothing changed. */
    REFUSED,
    EXPIRED,
    /** Forged, garbled or unknown token. */
    INVALID,
    /** Replay or double click: the request was no longer pending. */
    ALREADY_DECIDED
  }

  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    request = request == null ? Optional.empty() : request;
  }

  static Decision of(Outcome outcome, String message, ApprovalRequest request) {
    boolean changed =
        outcome == Outcome.APPROVED
            || outcome == Outcome.APPROVAL_RECORDED
            || outcome == Outcome.REJECTED;
    return new Decision(outcome, message, Optional.ofNullable(request), changed);
  }

  /** This decision, marked as having changed its request (the click that expired it). */
  Decision withChange() {
    return new Decision(outcome, message, request, true);
  }
}
