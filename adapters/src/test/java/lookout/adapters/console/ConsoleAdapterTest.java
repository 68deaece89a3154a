package lookout.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lookout.adapters.chat.ChatException;
import lookout.adapters.chat.ConversationRef;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleAdapterTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
  private final ConsoleAdapter adapter = new ConsoleAdapter(clock, 3);
  private final ConversationRef lobby = new ConversationRef("console", "lobby", null);

  @Test
  void bot_post_into_a_reply_lands_in_the_thread_of_its_root() {
    ConsoleMessage root = adapter.postFromUser("lobby", null, "alice", "why?");
    ConsoleMessage reply = adapter.postFromUser("lobby", root.id(), "bob", "same here");

    MessageRef answer = adapter.post(lobby.inThread(reply.id()), Message.text("because"));

    assertThat(adapter.find(answer.messageId()).orElseThrow().thread()).isEqualTo(root.id());
    assertThat(reply.thread()).isEqualTo(root.id());
  }

  @Test
  void open_refuses_a_new_channel_past_the_limit_but_not_a_reserved_or_existing_one() {
    adapter.reserve("alerts");
    for (int i = 0; i < ConsoleAdapter.MAX_CHANNELS; i++) {
      adapter.open(new ConversationRef("console", "room-" + i, null));
    }

    assertThatThrownBy(() -> adapter.open(new ConversationRef("console", "alerts-2", null)))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("alerts-2")
        .hasMessageContaining("limit");
    adapter.open(new ConversationRef("console", "alerts", null));
    adapter.open(new ConversationRef("console", "room-7", null));
  }

  @Test
  void update_of_a_user_message_is_refused() {
    ConsoleMessage typed = adapter.postFromUser("lobby", null, "alice", "why?");

    assertThatThrownBy(
            () -> adapter.update(new MessageRef(lobby, typed.id()), Message.text("edited")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining(typed.id());
  }

  @Test
  void update_of_an_unknown_message_or_in_another_channel_is_refused() {
    MessageRef posted = adapter.post(lobby, Message.text("hello"));
    ConversationRef elsewhere = new ConversationRef("console", "ops", null);

    assertThatThrownBy(() -> adapter.update(new MessageRef(lobby, "m999"), Message.text("x")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("m999");
    assertThatThrownBy(
            () -> adapter.update(new MessageRef(elsewhere, posted.messageId()), Message.text("x")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("ops");
  }

  @Test
  void post_for_another_platform_is_refused() {
    ConversationRef slack = new ConversationRef("slack", "C1", null);

    assertThatThrownBy(() -> adapter.post(slack, Message.text("hi")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("slack");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "a/b", "<script>"})
  void channel_names_are_checked(String channel) {
    ConversationRef bad = new ConversationRef("console", channel, null);

    assertThatThrownBy(() -> adapter.post(bad, Message.text("hi")))
        .isInstanceOf(ChatException.class)
        .hasMessageContaining("channel");
  }

  @Test
  void each_channel_keeps_only_its_latest_messages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(adapter.post(lobby, Message.text("alert " + i)).messageId());
    }

    Snapshot all = adapter.since("lobby", 0);

    assertThat(all.version()).isEqualTo(5);
    assertThat(all.messages())
        .extracting(ConsoleMessage::id)
        .containsExactlyElementsOf(ids.subList(2, 5));
    assertThat(adapter.find(ids.get(0))).isEmpty();
  }

  @Test
  void since_ahead_of_the_channel_returns_everything_so_clients_can_start_over() {
    adapter.post(lobby, Message.text("one"));

    Snapshot snapshot = adapter.since("lobby", 42);

    assertThat(snapshot.version()).isEqualTo(1);
    assertThat(snapshot.messages()).hasSize(1);
  }

  @Test
  void unknown_channel_reads_empty_without_being_created() {
    assertThat(adapter.since("nowhere", 0).messages()).isEmpty();
    assertThat(adapter.version("nowhere")).isZero();
  }

  @Test
  void concurrent_posts_from_virtual_threads_get_distinct_ids_and_versions() throws Exception {
    ConsoleAdapter big = new ConsoleAdapter(clock, ConsoleAdapter.MESSAGES_PER_CHANNEL);
    List<Future<MessageRef>> posts = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 1_000; i++) {
        String text = "post " + i;
        posts.add(threads.submit(() -> big.post(lobby, Message.text(text))));
      }
    }
    Set<String> ids = new HashSet<>();
    for (Future<MessageRef> post : posts) {
      ids.add(post.get().messageId());
    }

    Snapshot snapshot = big.since("lobby", 0);

    assertThat(ids).hasSize(1_000);
    assertThat(snapshot.version()).isEqualTo(1_000);
    assertThat(snapshot.messages()).extracting(ConsoleMessage::version).doesNotHaveDuplicates();
  }
}
