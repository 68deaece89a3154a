package lookout.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.adapters.chat.Part;
import lookout.adapters.chat.UserRef;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Question;
import lookout.approvals.Action;
import lookout.approvals.ActionExecutor;
import lookout.approvals.Approvals;
import lookout.approvals.ButtonTokens;
import lookout.approvals.Policy;
import lookout.approvals.RestartDeployment;
import lookout.approvals.ScaleWorkload;
import lookout.approvals.TargetSnapshot;
import lookout.bot.alerts.RecordingChat;
import lookout.bot.db.Database;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.metrics.BotMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer whose analysis streams in, through {@link Conversations}: the evidence is one post, the
 * analysis is edited into that same message at the platform's pace, and a surface that cannot edit
 * gets the whole answer as one follow-up; a proposal the policy would refuse for the asker is no
 * button, and the text says why.
 */
class StreamedAnswersTest {
  @TempDir Path dir;
  Database db;
  Approvals approvals;
  RecordingChat slack = new RecordingChat("slack");
  RecordingChat wecom = new RecordingChat("wecom");

  static final Action SCALE_TO_ZERO =
      new ScaleWorkload("sandbox", "staging", "Deployment", "checkout", 0);
  static final Action RESTART = new RestartDeployment("sandbox", "staging", "checkout");

  @BeforeEach
  void open() throws Exception {
    db = Database.open(null, dir);
    approvals =
        new Approvals(
            db.dataSource(),
            Policy.sandboxDefault(),
            new ButtonTokens(ButtonTokens.generateKey()),
            new NeverRuns(),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Writes its analysis in 12 steps over 2.4 s, as a streaming model would. */
  static final class WritingAgent implements Agent {
    @Override
    public Answer ask(Question question) {
      return ask(question, Progress.NONE);
    }

    @Override
    public Answer ask(Question question, Progress progress) {
      progress.interim(answer("analysis in progress…", List.of()));
      StringBuilder analysis = new StringBuilder();
      for (int i = 1; i <= 12; i++) {
        sleep(200);
        analysis.append("line ").append(i).append('\n');
        progress.interim(answer(analysis + "analysis in progress…", List.of()));
      }
      return answer(
          analysis + "Scale checkout to 0 as the log line says.", List.of(SCALE_TO_ZERO, RESTART));
    }

    private static Answer answer(String analysis, List<Action> suggestions) {
      return new Answer(
          "staging/checkout is in CrashLoopBackOff",
          List.of(new Answer.Section("Analysis", analysis.lines().toList(), false)),
          suggestions,
          Optional.empty(),
          false);
    }
  }

  Conversations conversations(ChatAdapter... adapters) {
    Map<String, ChatAdapter> byName = new java.util.HashMap<>();
    for (ChatAdapter a : adapters) {
      byName.put(a.platform(), a);
    }
    return new Conversations(
        byName,
        new WritingAgent(),
        approvals,
        new DeliveryDedupe(db.dataSource(), Clock.systemUTC()),
        new BotMetrics(),
        Executors.newVirtualThreadPerTaskExecutor());
  }

  static Inbound question(String platform, String channel) {
    return new Inbound(
        "ev-" + platform,
        new ConversationRef(platform, channel, "t1"),
        "m1",
        new UserRef(platform, "alice"),
        "why is checkout failing in staging?");
  }

  @Test
  void the_evidence_is_posted_once_and_the_analysis_is_edited_into_it_at_the_platforms_pace() {
    conversations(slack).answer(question("slack", "C1"));

    List<RecordingChat.Call> calls = slack.calls();
    assertThat(calls.stream().filter(c -> c.kind().equals("post"))).hasSize(1);
    RecordingChat.Call post = calls.get(0);
    assertThat(text(post.message())).contains("CrashLoopBackOff", "analysis in progress…");
    List<RecordingChat.Call> edits = calls.stream().filter(c -> c.kind().equals("edit")).toList();
    assertThat(edits).allSatisfy(e -> assertThat(e.id()).isEqualTo(post.id()));
    // 2.4 s of writing, one edit a second at most, plus the final edit
    assertThat(edits).hasSizeBetween(2, 4);
    for (int i = 1; i < edits.size() - 1; i++) {
      assertThat(edits.get(i).nanos() - edits.get(i - 1).nanos())
          .isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }
    Message last = edits.get(edits.size() - 1).message();
    assertThat(text(last)).contains("line 12", "Scale checkout to 0").doesNotContain("in progress");
  }

  @Test
  void a_surface_that_cannot_edit_gets_the_evidence_and_then_one_follow_up() {
    ChatAdapter noEdits = new NoEdits(wecom);

    conversations(noEdits).answer(question("wecom", "aibot:single:alice"));

    List<RecordingChat.Call> calls = wecom.calls();
    assertThat(calls).extracting(RecordingChat.Call::kind).containsExactly("post", "post");
    assertThat(text(calls.get(0).message())).contains("analysis in progress…");
    assertThat(text(calls.get(1).message())).contains("line 12").doesNotContain("in progress");
  }

  @Test
  void a_proposal_the_policy_refuses_for_the_asker_is_no_button_and_the_text_says_why() {
    conversations(slack).answer(question("slack", "C1"));

    List<RecordingChat.Call> calls = slack.calls();
    Message last = calls.get(calls.size() - 1).message();
    assertThat(last.buttons())
        .extracting(Part.Button::label)
        .containsExactly("Request: Restart deployment staging/checkout");
    assertThat(text(last)).contains("Not offered: " + SCALE_TO_ZERO.describe(), "scaling to 0");
  }

  static String text(Message m) {
    StringBuilder sb = new StringBuilder(m.summary()).append('\n');
    for (Part p : m.parts()) {
      switch (p) {
        case Part.Section s -> sb.append(s.text()).append('\n');
        case Part.Note n -> sb.append(n.text()).append('\n');
        case Part.Code c -> sb.append(c.text()).append('\n');
        default -> {}
      }
    }
    return sb.toString();
  }

  /** A surface that cannot edit in place (WeCom's AI bot): as {@code delegate}, without edits. */
  record NoEdits(RecordingChat delegate) implements ChatAdapter {
    @Override
    public String platform() {
      return delegate.platform();
    }

    @Override
    public MessageRef post(ConversationRef where, Message message) {
      return delegate.post(where, message);
    }

    @Override
    public void update(MessageRef ref, Message message) {
      delegate.update(ref, message);
    }

    @Override
    public Optional<Duration> editEvery(ConversationRef where) {
      return Optional.empty();
    }
  }

  static final class NeverRuns implements ActionExecutor {
    @Override
    public Optional<TargetSnapshot> current(Action action) {
      return Optional.of(new TargetSnapshot(2, 1));
    }

    @Override
    public lookout.approvals.DryRun dryRun(Action action) {
      return new lookout.approvals.DryRun("none", new TargetSnapshot(2, 1));
    }

    @Override
    public String execute(Action action) {
      throw new AssertionError("nothing runs in these tests");
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
