package lookout.bot.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.approvals.AlertSilence;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.State;
import lookout.bot.conversation.Conversations;
import lookout.bot.conversation.MessageRefs;
import lookout.bot.conversation.ThreadActions;

/**
 * Acknowledge, silence and unsilence an alert group from its thread: the root's buttons and the
 * same words typed in the thread ({@link ThreadCommand}). Acknowledging is open to anyone in the
 * channel and only recorded here; silencing is an approvals action ({@code silence}) that {@link
 * Conversations#act} takes through the policy, its card posted in the thread. Once a silence action
 * has run, the group's silences are read back from Alertmanager and the root redrawn.
 */
final class AlertControls implements ThreadActions {
  private final GroupStore groups;
  private final OwnershipStore owners;
  private final RootLookup roots;
  private final RootView view;
  private final RootRedraw redraw;
  private final SilenceRefresh refresh;
  private final Conversations conversations;
  private final Clock clock;

  AlertControls(
      GroupStore groups,
      OwnershipStore owners,
      RootLookup roots,
      RootView view,
      RootRedraw redraw,
      SilenceRefresh refresh,
      Conversations conversations,
      Clock clock) {
    this.groups = groups;
    this.owners = owners;
    this.roots = roots;
    this.view = view;
    this.redraw = redraw;
    this.refresh = refresh;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public String prefix() {
    return RootView.PREFIX;
  }

  @Override
  public ClickReply press(String command, Click click) {
    String[] p = command.substring(RootView.PREFIX.length()).split(":", 3);
    String user = click.user().qualified();
    MessageRef root = click.message();
    ConversationRef thread = root.conversation().inThread(root.messageId());
    String op = p.length > 1 ? p[1] : "";
    String arg = p.length > 2 ? p[2] : "";
    return switch (op) {
      case "ack" -> reply(acknowledge(p[0], user));
      case "silence" -> reply(silence(p[0], Duration.ofSeconds(Long.parseLong(arg)), user, thread));
      case "unsilence" -> reply(unsilence(p[0], Optional.of(arg), user, thread));
      default -> ClickReply.refused("This button is not handled any more.");
    };
  }

  @Override
  public Optional<Message> command(Inbound in) {
    Optional<ThreadCommand> parsed = ThreadCommand.parse(in.text());
    ConversationRef where = in.conversation();
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> group =
        roots.groupOf(new Destination(where.platform(), where.channel()), where.thread());
    if (group.isEmpty()) {
      return Optional.empty(); // not an alert thread: the agent answers
    }
    String user = in.user().qualified();
    Outcome outcome =
        switch (parsed.get()) {
          case ThreadCommand.Acknowledge a -> acknowledge(group.get(), user);
          case ThreadCommand.Silence s -> silence(group.get(), s.duration(), user, where);
          case ThreadCommand.Unsilence u -> unsilence(group.get(), Optional.empty(), user, where);
        };
    return Optional.of(Message.text(outcome.notice()));
  }

  /** What a control did, and the line for whoever used it. */
  record Outcome(boolean changed, String notice) {}

  private static ClickReply reply(Outcome o) {
    return new ClickReply(o.changed(), o.notice());
  }

  Outcome acknowledge(String groupId, String user) {
    Optional<GroupState> g = groups.find(groupId);
    if (g.isEmpty()) {
      return new Outcome(false, "This alert group is not known any more.");
    }
    if (g.get().resolved()) {
      return new Outcome(false, "This alert group is resolved; there is nothing to acknowledge.");
    }
    Ownership o = owners.find(groupId).orElse(Ownership.none(g.get().episode()));
    if (o.acknowledged(g.get().episode()) && o.ackedBy().equals(user)) {
      return new Outcome(false, "You already own this alert group.");
    }
    if (!owners.acknowledge(groupId, g.get().episode(), user, clock.instant())) {
      return new Outcome(false, "The group fired again meanwhile; press again to own it.");
    }
    String from = o.acknowledged(g.get().episode()) ? " (taken over from " + o.ackedBy() + ")" : "";
    redraw.redraw(groupId, List.of("acknowledged by " + user + from));
    return new Outcome(
        true,
        "You own this alert group now" + from + "; new alerts in it will not start more analyses.");
  }

  private Outcome silence(String groupId, Duration d, String user, ConversationRef thread) {
    Optional<SilenceScope> scope = scope(groupId);
    if (scope.isEmpty()) {
      return new Outcome(false, "This alert group cannot be silenced from Lookout.");
    }
    Optional<Ownership> o = owners.find(groupId);
    if (o.isPresent() && !o.get().silences().isEmpty()) {
      Ownership.SilenceLine s = o.get().silences().get(0);
      return new Outcome(
          false,
          "Already silenced by "
              + s.createdBy()
              + " until "
              + s.endsAt()
              + "; unsilence it first to silence it differently.");
    }
    String comment =
        SilenceRefresh.LOOKOUT_MARK
            + " by "
            + user
            + " in "
            + thread.platform()
            + ":"
            + thread.channel()
            + " thread "
            + thread.thread()
            + " (alert group "
            + groupId.substring(0, 8)
            + ")";
    return act(scope.get().silence(d, user, comment), user, thread);
  }

  private Outcome unsilence(
      String groupId, Optional<String> silenceId, String user, ConversationRef thread) {
    Optional<SilenceScope> scope = scope(groupId);
    List<Ownership.SilenceLine> silences =
        owners.find(groupId).map(Ownership::silences).orElse(List.of());
    Optional<String> id =
        silenceId.or(
            () ->
                silences.stream()
                    .sorted((a, b) -> Boolean.compare(b.viaLookout(), a.viaLookout()))
                    .map(Ownership.SilenceLine::id)
                    .findFirst());
    if (scope.isEmpty() || id.isEmpty()) {
      return new Outcome(
          false, "Nothing silences this alert group; there is nothing to unsilence.");
    }
    return act(scope.get().unsilence(id.get()), user, thread);
  }

  private Outcome act(AlertSilence action, String user, ConversationRef thread) {
    Conversations.Acted acted = conversations.act(action, user, thread);
    return new Outcome(acted.request().isPresent(), acted.notice());
  }

  private Optional<SilenceScope> scope(String groupId) {
    return owners.lastNotification(groupId).map(NotificationJson::read).flatMap(view::scope);
  }

  /** A request ended: if it was a silence made in an alert thread, show Alertmanager's truth. */
  void executed(ApprovalRequest request) {
    if (!(request.action() instanceof AlertSilence)
        || (request.state() != State.SUCCEEDED && request.state() != State.FAILED)) {
      return;
    }
    MessageRefs.decode(request.messageRef())
        .filter(card -> card.conversation().thread() != null)
        .flatMap(
            card ->
                roots.groupOf(
                    new Destination(card.conversation().platform(), card.conversation().channel()),
                    card.conversation().thread()))
        .ifPresent(refresh::refresh);
  }
}
