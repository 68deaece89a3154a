package lookout.approvals;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import lookout.approvals.ButtonTokens.Choice;

/**
 * The approvals facade the bot talks to. Thread-safe and stateless apart from the database, so
 * several instances (threads, replicas) may share one database: every state change is a guarded
 * update. Blocking (JDBC, the executor): call it from virtual threads, never from an event loop.
 * Call {@link ApprovalsSchema#apply} once before use.
 */
public final class Approvals {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApprovalStore store;
  private final Policy policy;
  private final ButtonTokens tokens;
  private final Clock clock;
  private final Decider decider;
  private final Runner runner;

  public Approvals(
      DataSource db, Policy policy, ButtonTokens tokens, ActionExecutor executor, Clock clock) {
    this.store = new ApprovalStore(Objects.requireNonNull(db, "db"));
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.decider = new Decider(store, policy, tokens, clock);
    this.runner = new Runner(store, Objects.requireNonNull(executor, "executor"), clock);
  }

  /**
   * Creates a PENDING request (never executes).
   *
   * @param requester a verified, platform-qualified user id such as {@code slack:U0123}
   * @throws PolicyException with a message fit for chat if the policy forbids the requester or the
   *     action (no rule covers it, requester not listed, replicas over the limit, scale to zero)
   */
  public ApprovalRequest request(Action action, String requester) {
    Objects.requireNonNull(action, "action");
    if (!UserIds.isQualified(requester)) {
      String problem =
          requester == null
              ? "no requester given"
              : "requester \"" + requester + "\" is not a platform-qualified user id";
      throw new PolicyException(problem + " — expected platform:id (e.g. slack:U0123)");
    }
    PolicyRule rule = policy.checkRequest(action, requester);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // what the database keeps
    ApprovalRequest request =
        new ApprovalRequest(
            newId(),
            action,
            requester,
            State.PENDING,
            now,
            now.plus(rule.ttl()),
            List.of(),
            null,
            null,
            null);
    store.insert(
        request,
        action.describe()
            + " on cluster "
            + action.cluster()
            + " (policy rule "
            + rule.label()
            + ")");
    return request;
  }

  /**
   * Remembers where the request's card lives, so it can be edited later.
   *
   * @throws IllegalArgumentException if there is no such request
   */
  public void attachMessage(String requestId, String messageRef) {
    if (!store.attachMessage(requestId, messageRef, clock.instant())) {
      throw new IllegalArgumentException("no approval request " + requestId);
    }
  }

  /** The signed value for the request's Approve button; valid until the request expires. */
  public String approveToken(ApprovalRequest r) {
    return tokens.decision(r.id(), Choice.APPROVE, r.expiresAt());
  }

  /** The signed value for the request's Reject button. */
  public String rejectToken(ApprovalRequest r) {
    return tokens.decision(r.id(), Choice.REJECT, r.expiresAt());
  }

  /**
   * Verifies the token, checks the policy against {@code user} and moves the state atomically. Does
   * not execute: on APPROVED the caller runs {@link #execute}. Never throws for bad input; database
   * failures surface as {@link ApprovalStoreException}.
   *
   * @param user the verified, platform-qualified id of whoever clicked — never text from a message
   */
  public Decision decide(String token, String user) {
    return decider.decide(token, user);
  }

  /**
   * APPROVED → EXECUTING (exactly one caller wins) → runs the executor once → SUCCEEDED or FAILED
   * (executor exceptions become FAILED with their message as result). A caller that loses, or calls
   * for a request in any other state, gets the current request without executing.
   *
   * @throws IllegalArgumentException if there is no such request
   */
  public ApprovalRequest execute(String requestId) {
    return runner.execute(requestId);
  }

  /** Moves PENDING requests past their TTL to EXPIRED; returns those this call moved. */
  public List<ApprovalRequest> expireDue() {
    Instant now = clock.instant();
    List<ApprovalRequest> expired = new ArrayList<>();
    for (ApprovalRequest due : store.pendingDue(now)) {
      ApprovalStore.Change change =
          new ApprovalStore.Change(
              State.EXPIRED,
              AuditLog.SYSTEM,
              AuditLog.EXPIRED,
              "no decision within the ttl",
              null,
              null,
              null);
      if (store.transition(due.id(), State.PENDING, change, now)) {
        expired.add(store.find(due.id()).orElse(due));
      }
    }
    return expired;
  }

  public Optional<ApprovalRequest> find(String id) {
    return id == null ? Optional.empty() : store.find(id);
  }

  /** The most recently created requests, newest first (for the console and CLI). */
  public List<ApprovalRequest> recent(int limit) {
    return store.recent(Math.max(0, limit));
  }

  /** Every audit row of the request, oldest first. */
  public List<AuditEntry> audit(String requestId) {
    return store.audit(requestId);
  }

  /**
   * A signed value for a "suggested action" button: whoever clicks it may request the action (the
   * policy still decides). Valid for the policy's {@code proposalTtl}; at most 2,000 chars.
   */
  public String proposalToken(Action action) {
    return tokens.proposal(ActionCodec.toJson(action), clock.instant().plus(policy.proposalTtl()));
  }

  /** The proposed action, or empty if the token is forged, garbled, expired or not a proposal. */
  public Optional<Action> readProposal(String token) {
    Instant now = clock.instant();
    return tokens
        .readProposal(token)
        .filter(p -> now.getEpochSecond() <= p.expiresAt().getEpochSecond())
        .flatMap(
            p -> {
              try {
                return Optional.of(ActionCodec.fromJson(p.actionJson()));
              } catch (IllegalArgumentException | NullPointerException e) {
                return Optional.empty(); // signed by us, so only an old format could land here
              }
            });
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
