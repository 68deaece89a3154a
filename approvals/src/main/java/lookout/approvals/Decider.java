package lookout.approvals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lookout.approvals.ButtonTokens.Choice;
import lookout.approvals.ButtonTokens.DecisionToken;
import lookout.approvals.Decision.Outcome;

/**
 * Turns a button click into a {@link Decision}: token, then request state, then expiry, then
 * policy, then one guarded state change. Every bad input becomes an outcome with a message, never
 * an exception.
 */
final class Decider {
  private static final String NOT_VALID = "this button is not valid";
  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int MAX_RESULT_IN_MESSAGE = 160;
  private static final int MAX_APPROVAL_ATTEMPTS = 100;
  private static final java.util.regex.Pattern CLAIMED =
      java.util.regex.Pattern.compile("([A-Za-z0-9_-]{1,64})\\.[ar]\\.");

  private final ApprovalStore store;
  private final Policy policy;
  private final ButtonTokens tokens;
  private final Clock clock;

  Decider(ApprovalStore store, Policy policy, ButtonTokens tokens, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Every click leaves one audit row with who clicked and what came of it: the state change itself
   * for an accepted click, otherwise {@code refused}, {@code duplicate}, {@code expired} or {@code
   * invalid} with the reason — so a replayed old button or a forged value is on record too.
   */
  Decision decide(String token, String user) {
    Instant now = clock.instant();
    String actor = UserIds.isQualified(user) ? user : AuditLog.UNVERIFIED;
    Optional<DecisionToken> parsed = tokens.readDecision(token);
    if (parsed.isEmpty()) {
      store.noteInvalid(now, actor, "not a button value Lookout signed" + claimed(token));
      return Decision.of(Outcome.INVALID, NOT_VALID, null);
    }
    Optional<ApprovalRequest> found = store.find(parsed.get().requestId());
    if (found.isEmpty()) {
      store.noteInvalid(
          now,
          actor,
          "a signed button for request " + parsed.get().requestId() + ", which is gone");
      return Decision.of(Outcome.INVALID, NOT_VALID, null);
    }
    ApprovalRequest request = found.get();
    String verb = parsed.get().choice() == Choice.APPROVE ? "approve" : "reject";
    if (!UserIds.isQualified(user)) {
      store.note(request.id(), now, actor, AuditLog.REFUSED, verb + ": could not tell who clicked");
      return Decision.of(Outcome.REFUSED, "could not tell who clicked; nothing changed", request);
    }
    if (request.state() != State.PENDING) {
      return noted(alreadyDecided(request), user, verb, now);
    }
    boolean tokenExpired = now.getEpochSecond() > parsed.get().expiresAt().getEpochSecond();
    if (tokenExpired || !now.isBefore(request.expiresAt())) {
      return expire(request, user, verb, now);
    }
    Decision d =
        parsed.get().choice() == Choice.APPROVE
            ? approve(request, user, now)
            : reject(request, user, now);
    return d.outcome() == Outcome.ALREADY_DECIDED || d.outcome() == Outcome.EXPIRED
        ? noted(d, user, verb, now)
        : d;
  }

  /**
   * The audit row of a click that changed nothing because the request had moved on (a duplicate) or
   * expired; accepted and refused clicks have theirs already.
   */
  private Decision noted(Decision d, String user, String verb, Instant now) {
    String event = d.outcome() == Outcome.EXPIRED ? AuditLog.EXPIRED : AuditLog.DUPLICATE;
    d.request()
        .ifPresent(r -> store.note(r.id(), now, user, event, verb + " clicked: " + d.message()));
    return d;
  }

  /** " (it names request abc)" when a garbled value still starts like a decision token. */
  private static String claimed(String token) {
    if (token == null) {
      return " (no value)";
    }
    java.util.regex.Matcher m = CLAIMED.matcher(token);
    return m.lookingAt() ? " (it names request " + m.group(1) + ")" : "";
  }

  private Decision approve(ApprovalRequest request, String user, Instant now) {
    Optional<String> refusal = policy.approveRefusal(request, user);
    if (refusal.isPresent()) {
      return refuse(request, user, now, "approve", refusal.get());
    }
    // Compare-and-set on the approvals list: when two approvers click at once, one write wins and
    // the other re-reads and adds to the winner's list, so no approval is lost or counted twice.
    ApprovalRequest current = request;
    for (int attempt = 0; attempt < MAX_APPROVAL_ATTEMPTS; attempt++) {
      if (current.state() != State.PENDING) {
        return alreadyDecided(current);
      }
      if (current.approvals().contains(user)) {
        return Decision.of(
            Outcome.ALREADY_DECIDED,
            "you already approved this; " + waitingFor(current) + " from someone else",
            current);
      }
      List<String> approvals = new ArrayList<>(current.approvals());
      approvals.add(user);
      boolean complete = approvals.size() >= current.requiredApprovals();
      String progress = approvals.size() + " of " + current.requiredApprovals();
      ApprovalStore.Change change =
          new ApprovalStore.Change(
              complete ? State.APPROVED : State.PENDING,
              user,
              AuditLog.APPROVED,
              current.action().describe() + " (approval " + progress + ")",
              approvals,
              complete ? user : null,
              null,
              null);
      if (store.transition(current.id(), State.PENDING, current.approvals(), change, now, null)) {
        ApprovalRequest after = reload(current);
        return complete
            ? Decision.of(Outcome.APPROVED, "approved by " + String.join(", ", approvals), after)
            : Decision.of(
                Outcome.APPROVAL_RECORDED,
                "your approval is recorded (" + progress + "); " + waitingFor(after),
                after);
      }
      current = reload(current);
    }
    String busy = "too many approvals at once; nothing changed — click again";
    store.note(current.id(), now, user, AuditLog.REFUSED, "approve: " + busy);
    return Decision.of(Outcome.REFUSED, busy, current);
  }

  /** "waiting for 1 more approval from group:sre". */
  static String waitingFor(ApprovalRequest r) {
    int missing = Math.max(1, r.missingApprovals());
    return "waiting for "
        + missing
        + " more approval"
        + (missing == 1 ? "" : "s")
        + (r.approvers().isEmpty() ? "" : " from " + r.approvers());
  }

  private Decision reject(ApprovalRequest request, String user, Instant now) {
    Optional<String> refusal = policy.rejectRefusal(request, user);
    if (refusal.isPresent()) {
      return refuse(request, user, now, "reject", refusal.get());
    }
    boolean cancel = user.equals(request.requester());
    ApprovalStore.Change change =
        new ApprovalStore.Change(
            State.REJECTED,
            user,
            cancel ? AuditLog.CANCELLED : AuditLog.REJECTED,
            request.action().describe(),
            null,
            user,
            null,
            null);
    String message = (cancel ? "cancelled by " : "rejected by ") + user;
    return commit(request, change, now, Outcome.REJECTED, message);
  }

  private Decision expire(ApprovalRequest request, String user, String verb, Instant now) {
    ApprovalStore.Change change =
        new ApprovalStore.Change(
            State.EXPIRED,
            AuditLog.SYSTEM,
            AuditLog.EXPIRED,
            "ttl passed; noticed when " + user + " clicked",
            null,
            null,
            null,
            null);
    if (!store.transition(request.id(), State.PENDING, change, now)) {
      return noted(alreadyDecided(reload(request)), user, verb, now);
    }
    // The system's row says it expired; this one says who clicked too late.
    return noted(expired(reload(request)), user, verb, now).withChange();
  }

  private Decision refuse(
      ApprovalRequest request, String user, Instant now, String verb, String reason) {
    // Refused clicks change nothing, but who tried to approve what is worth keeping.
    store.note(request.id(), now, user, AuditLog.REFUSED, verb + ": " + reason);
    return Decision.of(Outcome.REFUSED, reason, request);
  }

  private Decision commit(
      ApprovalRequest request,
      ApprovalStore.Change change,
      Instant now,
      Outcome outcome,
      String message) {
    if (!store.transition(request.id(), State.PENDING, change, now)) {
      return alreadyDecided(reload(request)); // someone else's click won the race
    }
    return Decision.of(outcome, message, reload(request));
  }

  private ApprovalRequest reload(ApprovalRequest request) {
    return store.find(request.id()).orElse(request);
  }

  static Decision alreadyDecided(ApprovalRequest r) {
    String by = r.decidedBy() == null ? "someone" : r.decidedBy();
    String message =
        switch (r.state()) {
          case PENDING -> waitingFor(r);
          case APPROVED -> "already approved by " + by;
          case EXECUTING -> "already approved by " + by + "; it is running now";
          case SUCCEEDED -> "already approved by " + by + " and done: " + brief(r.result());
          case FAILED -> "already approved by " + by + "; it failed: " + brief(r.result());
          case DRIFTED -> "already approved by " + by + "; it was stopped: " + brief(r.result());
          case REJECTED ->
              (by.equals(r.requester()) ? "already cancelled by " : "already rejected by ") + by;
          case EXPIRED -> null;
        };
    return message == null ? expired(r) : Decision.of(Outcome.ALREADY_DECIDED, message, r);
  }

  private static Decision expired(ApprovalRequest r) {
    return Decision.of(
        Outcome.EXPIRED,
        "this request expired at "
            + HH_MM.format(r.expiresAt())
            + " without a decision; ask again if it is still needed",
        r);
  }

  private static String brief(String result) {
    if (result == null) {
      return "no details";
    }
    String line = result.strip().replaceAll("\\s+", " ");
    return line.length() <= MAX_RESULT_IN_MESSAGE
        ? line
        : line.substring(0, MAX_RESULT_IN_MESSAGE - 1) + "…";
  }
}
