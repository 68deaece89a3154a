package lookout.approvals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import lookout.approvals.ButtonTokens.Choice;

/**
 * The approvals facade the bot talks to. Thread-safe and stateless apart from the database, so
 * several instances (threads, replicas) may share one database: every state change is a guarded
 * update. Blocking (JDBC, the executor): call it from virtual threads, never from an event loop.
 * Call {@link ApprovalsSchema#migrate} once before use.
 */
public final class Approvals {
  /** How long a follow-up question button works: a thread is read for a week, not longer. */
  public static final java.time.Duration QUESTION_TTL = java.time.Duration.ofDays(7);

  private final ApprovalStore store;
  private final BreakerStore breakers;
  private final Policy policy;
  private final ButtonTokens tokens;
  private final Clock clock;
  private final RequestMaker maker;
  private final Decider decider;
  private final Runner runner;
  private final Recovery recovery;
  private final ActionExecutor executor;
  private final Acting acting;

  public Approvals(
      DataSource db, Policy policy, ButtonTokens tokens, ActionExecutor executor, Clock clock) {
    this.store = new ApprovalStore(Objects.requireNonNull(db, "db"));
    this.breakers = new BreakerStore(new Sql(db));
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.maker = new RequestMaker(store, breakers, policy, executor, clock);
    this.decider = new Decider(store, policy, tokens, clock);
    this.runner = new Runner(store, breakers, executor, clock);
    this.recovery = new Recovery(store, runner, clock);
    this.acting = new Acting(store, policy, maker, clock);
  }

  /**
   * Creates a PENDING request (never executes) after checking the policy, the circuit breaker and a
   * server-side dry run of the action.
   *
   * @param requester a verified, platform-qualified user id such as {@code slack:U0123}
   * @throws PolicyException with a message fit for chat if the request is refused: no rule covers
   *     it, requester not listed, replicas over the limit, scale to zero, breaker open, or the
   *     cluster refused the dry run
   */
  public ApprovalRequest request(Action action, String requester) {
    return maker.request(Objects.requireNonNull(action, "action"), requester);
  }

  /**
   * Why the policy would refuse {@code requester} asking for {@code action}, or empty when it would
   * let them ask. The policy alone — no breaker, no dry run, no audit entry, nothing stored — so an
   * answer can leave out a button that could only be refused.
   */
  public Optional<String> refusal(Action action, String requester) {
    try {
      policy.checkRequest(Objects.requireNonNull(action, "action"), requester);
      return Optional.empty();
    } catch (PolicyException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * As {@link #request}, but when the policy lets {@code user} do this alone (a silence within the
   * rule's {@code silenceAlone}, an unsilence, by one of its approvers) the request is approved on
   * their behalf at once and comes back APPROVED, ready for {@link #execute}; otherwise it comes
   * back PENDING like any request. A refusal is written to the audit trail (event {@code refused})
   * before it is thrown.
   *
   * @param user a verified, platform-qualified user id
   * @throws PolicyException as {@link #request}
   */
  public ApprovalRequest act(Action action, String user) {
    return acting.act(Objects.requireNonNull(action, "action"), user);
  }

  /**
   * A signed value for a button whose meaning the bot defines (e.g. an alert root's Acknowledge);
   * valid until {@code expiresAt}. At most 2,000 characters.
   */
  public String commandToken(String command, Instant expiresAt) {
    return tokens.command(Objects.requireNonNull(command, "command"), expiresAt);
  }

  /** The command of a token from {@link #commandToken}; empty if forged, garbled or expired. */
  public Optional<String> readCommand(String token) {
    Instant now = clock.instant();
    return tokens
        .readCommand(token)
        .filter(c -> now.getEpochSecond() <= c.expiresAt().getEpochSecond())
        .map(ButtonTokens.CommandToken::command);
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

  /**
   * Who may approve {@code r} as the policy names them now (groups expanded), for bringing its card
   * to them.
   */
  public List<String> approversOf(ApprovalRequest r) {
    return policy.approversOf(r.action());
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
   * APPROVED → EXECUTING (exactly one caller wins) → drift check → runs the executor once →
   * SUCCEEDED or FAILED (executor exceptions become FAILED with their message as result), or
   * DRIFTED when the target changed since the request. A caller that loses, or calls for a request
   * in any other state, gets the current request without executing.
   *
   * @throws IllegalArgumentException if there is no such request
   */
  public ApprovalRequest execute(String requestId) {
    return runner.execute(requestId);
  }

  /**
   * As {@link #execute(String)}; {@code started} is called with the EXECUTING request right before
   * the executor runs (only by the caller that won the claim), e.g. to edit the card.
   */
  public ApprovalRequest execute(String requestId, Consumer<ApprovalRequest> started) {
    return runner.execute(requestId, Objects.requireNonNull(started, "started"));
  }

  /**
   * Resolves requests left APPROVED or EXECUTING by a process that stopped; see POLICY.md. Call at
   * start (and periodically when replicas share a database). Never executes anything twice.
   *
   * @param executingFor how long a request must have been EXECUTING to count as abandoned
   * @return the requests it changed, for editing their cards
   */
  public List<ApprovalRequest> recover(Duration executingFor) {
    return recovery.recover(executingFor);
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
              null,
              null);
      if (store.transition(due.id(), State.PENDING, change, now)) {
        expired.add(store.find(due.id()).orElse(due));
      }
    }
    return expired;
  }

  /**
   * How far the rollout of a SUCCEEDED restart has got; empty for anything else or when the
   * executor cannot tell. Read-only, never throws for an unreachable cluster (empty instead).
   */
  public Optional<Rollout> rollout(ApprovalRequest request) {
    if (request.state() != State.SUCCEEDED || !(request.action() instanceof RestartDeployment)) {
      return Optional.empty();
    }
    try {
      return executor.rollout(request.action());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return Optional.empty();
    }
  }

  /** Every open circuit breaker, oldest first. */
  public List<Breaker> openBreakers() {
    return breakers.allOpen();
  }

  /**
   * Closes the breaker for {@code key} if {@code user} may approve that action there.
   *
   * @param user the verified, platform-qualified id of whoever asked — never text from a message
   * @return a one-line answer for chat: reset, not open, or why the user may not reset it
   */
  public String resetBreaker(BreakerKey key, String user) {
    Optional<String> refusal =
        UserIds.isQualified(user)
            ? policy.resetRefusal(key, user)
            : Optional.of("could not tell who asked");
    if (refusal.isPresent()) {
      return "Not reset: " + refusal.get() + ".";
    }
    return breakers.reset(key, user, clock.instant())
        ? "Reset the circuit breaker for " + key.describe() + "; requests are accepted again."
        : "The circuit breaker for " + key.describe() + " is not open; nothing to reset.";
  }

  /** Audit rows matching {@code query}, oldest first. */
  public List<AuditEntry> audit(AuditQuery query) {
    return store.audit(Objects.requireNonNull(query, "query"));
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

  /**
   * A signed button value that asks {@code question} when pressed (a follow-up the agent offered).
   * Valid for {@link #QUESTION_TTL}; a question asks nothing of approvals, it is only signed so a
   * click can ask nothing but what the bot put on the button.
   *
   * @throws IllegalArgumentException when the question is too long for a button (about 1,400 ASCII
   *     characters)
   */
  public String questionToken(String question) {
    return tokens.question(question, clock.instant().plus(QUESTION_TTL));
  }

  /** The question a button asks, or empty if the token is forged, garbled, expired or not one. */
  public Optional<String> readQuestion(String token) {
    Instant now = clock.instant();
    return tokens
        .readQuestion(token)
        .filter(q -> now.getEpochSecond() <= q.expiresAt().getEpochSecond())
        .map(ButtonTokens.QuestionToken::question);
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
}
