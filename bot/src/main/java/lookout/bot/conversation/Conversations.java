package lookout.bot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.web.QuietLog;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.approvals.Action;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.ApprovalStoreException;
import lookout.approvals.Approvals;
import lookout.approvals.Decision;
import lookout.approvals.PolicyException;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every platform takes: a mention is answered by the agent in its thread; an explicit
 * or suggested action becomes an approval card; a click is decided by approvals and the card is
 * edited in place. Work runs on virtual threads; handler methods return at once.
 */
public final class Conversations implements ChatHandler {
  private static final Logger log = LoggerFactory.getLogger(Conversations.class);
  private static final QuietLog errors = new QuietLog(log);

  private final Map<String, ChatAdapter> adapters;
  private final Agent agent;
  private final Approvals approvals;
  private final DeliveryDedupe dedupe;
  private final BotMetrics metrics;
  private final ExecutorService work;
  private final AnswerMessages answers;
  private final ApprovalCards cards;
  private final RolloutFollower rollouts;
  private final ReentrantLock[] cardLocks = newLocks(64);
  private volatile Duration sweepAbandonedAfter;
  private final List<ThreadActions> threadActions = new CopyOnWriteArrayList<>();
  private final List<Consumer<ApprovalRequest>> executed = new CopyOnWriteArrayList<>();

  public Conversations(
      Map<String, ChatAdapter> adapters,
      Agent agent,
      Approvals approvals,
      DeliveryDedupe dedupe,
      BotMetrics metrics,
      ExecutorService work) {
    this.adapters = Map.copyOf(adapters);
    this.agent = agent;
    this.approvals = approvals;
    this.dedupe = dedupe;
    this.metrics = metrics;
    this.work = work;
    this.answers = new AnswerMessages(approvals);
    this.cards = new ApprovalCards(approvals);
    this.rollouts = new RolloutFollower(approvals);
  }

  @Override
  public void onMessage(Inbound in) {
    // Returns before the database commit; the answer starts once the commit says "new".
    dedupe.claim(in.conversation().platform(), in.eventId(), () -> start(in));
  }

  @Override
  public boolean offer(Inbound in) {
    return dedupe.tryClaim(in.conversation().platform(), in.eventId(), () -> start(in));
  }

  private void start(Inbound in) {
    metrics.question(in.conversation().platform());
    work.execute(() -> answer(in));
  }

  /**
   * Answers synchronously (the CLI's {@code ask} and tests use this; chat goes through onMessage).
   */
  public void answer(Inbound in) {
    if (in.conversation().thread() != null) {
      // "silence 2h" under an alert root is a command about that thread, not a question
      for (ThreadActions actions : threadActions) {
        Optional<Message> reply;
        try {
          reply = actions.command(in);
        } catch (RuntimeException e) {
          log.error("while handling {} in {}", in.eventId(), in.conversation(), e);
          post(in.conversation(), Message.text("Sorry — I could not do that: " + e.getMessage()));
          return;
        }
        if (reply.isPresent()) {
          post(in.conversation(), reply.get());
          return;
        }
      }
    }
    ask(in.conversation(), in.user().qualified(), in.text(), in.eventId());
  }

  /**
   * Asks the agent as {@code user} and posts the answer (and any approval card) in {@code where}.
   */
  private void ask(ConversationRef where, String user, String text, String what) {
    try {
      // follow-ups share memory only inside a thread, never across a whole channel
      String thread =
          where.thread() == null
              ? null
              : where.platform() + ":" + where.channel() + ":" + where.thread();
      ChatAdapter adapter = adapters.get(where.platform());
      if (adapter == null) {
        log.error("no adapter for platform {}; dropping the answer to {}", where.platform(), what);
        return;
      }
      StreamedReply reply = new StreamedReply(adapter, where, answers, user, System::nanoTime);
      Answer answer =
          agent.ask(
              new Question(text, user, thread, where.platform() + ":" + where.channel()), reply);
      reply.complete(answer);
      metrics.answer(where.platform(), answer.degraded());
      answer.requested().ifPresent(action -> requestApproval(action, user, where));
    } catch (RuntimeException e) {
      log.error("while answering {} in {}", what, where, e);
      post(where, Message.text("Sorry — I could not answer that: " + e.getMessage()));
    }
  }

  /**
   * Decides a click. Only a click that changed the request edits its card; any other (a duplicate
   * on a decided card, a refusal, a forged value) is answered to the clicker alone, so an old
   * button pressed again and again costs the conversation no platform edits.
   */
  @Override
  public ClickReply onClick(Click click) {
    String user = click.user().qualified();
    try {
      Optional<String> question = approvals.readQuestion(click.token());
      if (question.isPresent()) {
        // a follow-up the bot offered: asked as the clicker, answered in the clicked message's
        // thread
        ConversationRef on = click.message().conversation();
        ConversationRef where =
            on.thread() != null
                ? on
                : new ConversationRef(on.platform(), on.channel(), click.message().messageId());
        metrics.question(where.platform());
        work.execute(
            () -> ask(where, user, question.get(), "click on " + click.message().messageId()));
        return ClickReply.accepted("Asking: " + question.get());
      }
      Optional<String> command = approvals.readCommand(click.token());
      if (command.isPresent()) {
        // a button another part of the bot defined (alert roots: acknowledge, silence)
        return threadActions.stream()
            .filter(a -> command.get().startsWith(a.prefix()))
            .findFirst()
            .map(a -> a.press(command.get(), click))
            .orElseGet(() -> ClickReply.refused("This button is not handled any more."));
      }
      Optional<Action> proposal = approvals.readProposal(click.token());
      if (proposal.isPresent()) {
        return requestApproval(proposal.get(), user, click.message().conversation())
            .map(r -> ClickReply.accepted("Approval requested: " + r.action().describe()))
            .orElseGet(
                () -> ClickReply.refused("That action cannot be requested; see the thread."));
      }
      Decision decision = approvals.decide(click.token(), user);
      metrics.approval(decision.outcome().name().toLowerCase(Locale.ROOT));
      if (decision.changed()) {
        decision.request().ifPresent(this::editCard);
        if (decision.outcome() == Decision.Outcome.APPROVED) {
          decision.request().ifPresent(r -> work.execute(() -> execute(r.id())));
        }
      }
      boolean accepted =
          decision.outcome() == Decision.Outcome.APPROVED
              || decision.outcome() == Decision.Outcome.APPROVAL_RECORDED
              || decision.outcome() == Decision.Outcome.REJECTED;
      return new ClickReply(accepted, decision.message());
    } catch (ApprovalStoreException e) {
      // The database is down: nothing was decided, nothing runs; the clicker may try again.
      errors.error("clicks", "could not decide a click by {}: {}", user, e.getMessage());
      return ClickReply.refused(
          "Lookout cannot reach its database right now, so nothing changed; click again in a"
              + " minute.");
    }
  }

  /** Moves expired requests to EXPIRED and edits their cards; called periodically. */
  public void expireDue() {
    for (ApprovalRequest r : approvals.expireDue()) {
      metrics.approval("expired");
      editCard(r);
    }
    Duration sweep = sweepAbandonedAfter;
    if (sweep != null) {
      recoverInterrupted(sweep);
    }
  }

  /**
   * Resolves requests a stopped process left APPROVED or EXECUTING (never runs anything twice) and
   * edits their cards; called at start. With a positive {@code executingFor} (a shared database)
   * {@link #expireDue} repeats it on every sweep.
   *
   * @param executingFor how long a request must have been EXECUTING to count as abandoned
   */
  public void recoverInterrupted(Duration executingFor) {
    if (executingFor.isPositive()) {
      // Replicas share the database: keep sweeping, so a request whose replica died is resolved
      // without waiting for some replica to restart.
      sweepAbandonedAfter = executingFor;
    }
    try {
      for (ApprovalRequest r : approvals.recover(executingFor)) {
        log.warn("request {} left {} by a stopped process: {}", r.id(), r.state(), r.result());
        metrics.execution(r.action().kind(), r.state().name().toLowerCase(Locale.ROOT));
        editCard(r);
      }
    } catch (RuntimeException e) {
      log.error("while recovering requests left by a stopped process", e);
    }
  }

  /** Registers actions on threads another part of the bot owns (tried before the agent). */
  public void addThreadActions(ThreadActions actions) {
    threadActions.add(actions);
  }

  /** Calls {@code listener} with every request this bot executed, once it ended. */
  public void onExecuted(Consumer<ApprovalRequest> listener) {
    executed.add(listener);
  }

  /**
   * What {@link #act} did.
   *
   * @param request the request, when one was made: APPROVED (running now) or PENDING (its card
   *     waits for approvers)
   * @param notice one line for whoever asked
   */
  public record Acted(Optional<ApprovalRequest> request, String notice) {}

  /**
   * Asks for {@code action} on behalf of {@code user} in {@code thread}, the way a button press or
   * command of another part of the bot does: {@code Approvals.act} decides; a request gets its card
   * in the thread and, when the policy let the user act alone, runs at once. A refusal posts
   * nothing: the notice says why (and the audit has it).
   */
  public Acted act(Action action, String user, ConversationRef thread) {
    ApprovalRequest request;
    try {
      request = approvals.act(action, user);
    } catch (PolicyException e) {
      metrics.approval("refused");
      return new Acted(Optional.empty(), "Not done: " + e.getMessage());
    }
    metrics.approval("requested");
    MessageRef card = post(thread, cards.render(request));
    if (card != null) {
      approvals.attachMessage(request.id(), MessageRefs.encode(card));
    }
    if (request.state() == lookout.approvals.State.APPROVED) {
      metrics.approval("approved");
      work.execute(() -> execute(request.id()));
      return new Acted(Optional.of(request), "Doing it now: " + action.describe());
    }
    return new Acted(
        Optional.of(request),
        "Approval requested: " + action.describe() + " — " + ApprovalCards.waiting(request));
  }

  /**
   * Creates an approval request for {@code action} on behalf of {@code requester} (policy, breaker
   * and dry run apply) and posts its card into {@code where}, where approvers decide it as any
   * other card. Used for requests that do not come from a chat (MCP clients).
   *
   * @throws PolicyException when the request is refused; nothing is posted then
   */
  public ApprovalRequest requestInto(Action action, String requester, ConversationRef where) {
    ApprovalRequest request = approvals.request(action, requester);
    metrics.approval("requested");
    MessageRef card = post(where, cards.render(request));
    if (card != null) {
      approvals.attachMessage(request.id(), MessageRefs.encode(card));
    }
    return request;
  }

  private Optional<ApprovalRequest> requestApproval(
      Action action, String requester, ConversationRef where) {
    try {
      return Optional.of(requestInto(action, requester, where));
    } catch (PolicyException e) {
      post(where, Message.text("Cannot request " + action.describe() + ": " + e.getMessage()));
      return Optional.empty();
    }
  }

  private void execute(String requestId) {
    ApprovalRequest done = approvals.execute(requestId, this::editCard);
    metrics.execution(done.action().kind(), done.state().name().toLowerCase(Locale.ROOT));
    editCard(done);
    for (Consumer<ApprovalRequest> listener : executed) {
      try {
        listener.accept(done);
      } catch (RuntimeException e) {
        log.error("while telling a listener request {} ended {}", done.id(), done.state(), e);
      }
    }
    rollouts.follow(done, this::editCard);
  }

  /**
   * Queues an edit of the request's card showing its state as stored now, with that state's
   * version: racing edits (a click, the executor, the expiry timer, another replica) each read the
   * state themselves, and the outbox keeps only the newest, so a card never goes backwards. The
   * lock per request keeps read and queue in one order within this process, for adapters that send
   * at once (the console).
   */
  private void editCard(ApprovalRequest r) {
    // A lock, not synchronized: the reads block, and virtual threads must not pin on Java 21.
    ReentrantLock lock = cardLocks[Math.floorMod(r.id().hashCode(), cardLocks.length)];
    lock.lock();
    try {
      ApprovalRequest current = approvals.find(r.id()).orElse(r);
      MessageRefs.decode(current.messageRef()).ifPresent(ref -> editCard(current, ref));
    } finally {
      lock.unlock();
    }
  }

  private void editCard(ApprovalRequest current, MessageRef ref) {
    ChatAdapter adapter = adapters.get(ref.conversation().platform());
    if (adapter == null) {
      log.warn(
          "no adapter for {} to edit card of request {}",
          ref.conversation().platform(),
          current.id());
      return;
    }
    Optional<RolloutFollower.Progress> rollout = rollouts.latest(current.id());
    try {
      adapter.update(
          ref,
          cards.render(current, rollout.map(RolloutFollower.Progress::text)),
          CardVersions.of(current, rollout));
    } catch (RuntimeException e) {
      log.error("while editing the card of request {} in {}", current.id(), ref.conversation(), e);
    }
  }

  /**
   * Posts an answer the bot produced on its own (a scheduled check-up, an alert analysis) into
   * {@code where}, with proposal buttons for its suggestions; empty when it could not be posted
   * (logged).
   */
  public Optional<MessageRef> postAnswer(ConversationRef where, Answer answer) {
    return Optional.ofNullable(post(where, answers.render(answer)));
  }

  /** True when a platform of that name is wired, so configured destinations can be checked. */
  public boolean hasPlatform(String platform) {
    return adapters.containsKey(platform);
  }

  private MessageRef post(ConversationRef where, Message message) {
    ChatAdapter adapter = adapters.get(where.platform());
    if (adapter == null) {
      log.error(
          "no adapter for platform {}; dropping message {}", where.platform(), message.summary());
      return null;
    }
    try {
      return adapter.post(where, message);
    } catch (RuntimeException e) {
      log.error("while posting to {} {}", where.platform(), where, e);
      return null;
    }
  }

  private static ReentrantLock[] newLocks(int n) {
    ReentrantLock[] locks = new ReentrantLock[n];
    for (int i = 0; i < n; i++) {
      locks[i] = new ReentrantLock();
    }
    return locks;
  }
}
