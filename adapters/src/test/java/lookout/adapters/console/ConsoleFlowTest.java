package lookout.adapters.console;

import static lookout.adapters.console.RecordingHandler.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.Inbound;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.MessageRef;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A person talks to the stand-in bot through the console API, as the page does. */
class ConsoleFlowTest {
  private final ConsoleServer console = new ConsoleServer(null);

  @AfterEach
  void stop() {
    console.close();
  }

  @Test
  void posting_a_question_starts_a_thread_and_reaches_the_handler_without_the_mention()
      throws Exception {
    HttpResponse<Buffer> response = ask("@lookout why is checkout failing in staging?");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonObject body = response.bodyAsJsonObject();
    String id = body.getString("messageId");
    assertThat(body.getString("thread")).isEqualTo(id);
    Inbound inbound = next(console.bot.inbounds);
    assertThat(inbound.text()).isEqualTo("why is checkout failing in staging?");
    assertThat(inbound.user().qualified()).isEqualTo("console:alice");
    assertThat(inbound.messageId()).isEqualTo(id);
    assertThat(inbound.conversation().channel()).isEqualTo("lobby");
    assertThat(inbound.conversation().thread()).isEqualTo(id);
    assertThat(console.bot.calledOnEventLoop).isFalse();
  }

  @Test
  void bot_reply_appears_in_the_question_thread_with_its_parts() throws Exception {
    String question = ask("why is checkout failing?").bodyAsJsonObject().getString("messageId");
    next(console.bot.replies);

    JsonObject page = console.get("/api/console/messages?channel=lobby&since=0").bodyAsJsonObject();

    assertThat(page.getLong("version")).isEqualTo(2);
    JsonArray messages = page.getJsonArray("messages");
    JsonObject user = messages.getJsonObject(0);
    JsonObject bot = messages.getJsonObject(1);
    assertThat(user.getString("id")).isEqualTo(question);
    assertThat(user.getValue("thread")).isNull();
    assertThat(user.getJsonObject("author")).isEqualTo(author("user", "alice"));
    assertThat(user.getString("text")).isEqualTo("why is checkout failing?");
    assertThat(bot.getString("thread")).isEqualTo(question);
    assertThat(bot.getJsonObject("author")).isEqualTo(author("bot", "lookout"));
    assertThat(bot.getString("summary")).isEqualTo("checkout is crash-looping in staging");
    assertThat(bot.getString("createdAt")).isEqualTo("2026-11-22T08:00:00Z");
    JsonArray parts = bot.getJsonArray("parts");
    assertThat(parts.stream().map(p -> ((JsonObject) p).getString("type")))
        .containsExactly("section", "facts", "code", "note", "actions");
    assertThat(parts.getJsonObject(0).getString("heading")).isEqualTo("What is wrong");
    assertThat(parts.getJsonObject(1).getJsonArray("facts").getJsonObject(0))
        .isEqualTo(new JsonObject().put("label", "Namespace").put("value", "staging"));
    assertThat(parts.getJsonObject(4).getJsonArray("buttons").getJsonObject(1))
        .isEqualTo(
            new JsonObject()
                .put("label", "Ignore")
                .put("token", "tok-ignore")
                .put("style", "danger"));
  }

  @Test
  void update_replaces_the_message_in_place_and_bumps_its_version() throws Exception {
    ask("why is checkout failing?");
    MessageRef reply = next(console.bot.replies);
    console.clock.advance(Duration.ofMinutes(2));

    console.adapter.update(reply, Message.text("Restarted by bob"));

    JsonObject page = console.get("/api/console/messages?since=2").bodyAsJsonObject();
    assertThat(page.getLong("version")).isEqualTo(3);
    assertThat(page.getJsonArray("messages")).hasSize(1);
    JsonObject edited = page.getJsonArray("messages").getJsonObject(0);
    assertThat(edited.getString("id")).isEqualTo(reply.messageId());
    assertThat(edited.getString("summary")).isEqualTo("Restarted by bob");
    assertThat(edited.getLong("version")).isEqualTo(3);
    assertThat(edited.getString("createdAt")).isEqualTo("2026-11-22T08:00:00Z");
    assertThat(edited.getString("updatedAt")).isEqualTo("2026-11-22T08:02:00Z");
    assertThat(
            console
                .get("/api/console/messages?since=0")
                .bodyAsJsonObject()
                .getJsonArray("messages"))
        .hasSize(2);
  }

  @Test
  void replying_in_a_thread_keeps_the_bot_answer_in_that_thread() throws Exception {
    String root = ask("why is checkout failing?").bodyAsJsonObject().getString("messageId");
    next(console.bot.inbounds);

    HttpResponse<Buffer> response =
        console.postJson(
            "/api/console/messages",
            "{\"user\":\"bob\",\"text\":\"@Lookout: and payment?\",\"thread\":\"" + root + "\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().getString("thread")).isEqualTo(root);
    Inbound inbound = next(console.bot.inbounds);
    assertThat(inbound.conversation().thread()).isEqualTo(root);
    assertThat(inbound.text()).isEqualTo("and payment?");
  }

  @Test
  void long_poll_answers_as_soon_as_the_bot_edits_its_message() throws Exception {
    ask("why is checkout failing?");
    MessageRef reply = next(console.bot.replies);
    CompletableFuture<HttpResponse<Buffer>> waiting =
        CompletableFuture.supplyAsync(() -> console.get("/api/console/messages?since=2&wait=20"));
    awaitParkedPoll();

    long start = System.nanoTime();
    console.adapter.update(reply, Message.text("Restarted"));
    JsonObject page = waiting.get().bodyAsJsonObject();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(page.getJsonArray("messages").getJsonObject(0).getString("summary"))
        .isEqualTo("Restarted");
  }

  @Test
  void long_poll_with_nothing_new_ends_empty_after_the_wait() {
    HttpResponse<Buffer> response = console.get("/api/console/messages?since=0&wait=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject())
        .isEqualTo(
            new JsonObject().put("channel", "lobby").put("version", 0).put("messages", List.of()));
  }

  @Test
  void click_on_a_button_of_the_message_reaches_the_handler_as_the_clicker() throws Exception {
    ask("why is checkout failing?");
    MessageRef reply = next(console.bot.replies);

    HttpResponse<Buffer> response = click("bob", reply.messageId(), RecordingHandler.RESTART);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("accepted", true).put("notice", "Restart approved by bob"));
    Click click = next(console.bot.clicks);
    assertThat(click.user().qualified()).isEqualTo("console:bob");
    assertThat(click.token()).isEqualTo(RecordingHandler.RESTART);
    assertThat(click.message().messageId()).isEqualTo(reply.messageId());
    assertThat(click.message().conversation().channel()).isEqualTo("lobby");
  }

  @Test
  void click_with_a_token_not_on_the_message_is_refused_and_never_reaches_the_handler()
      throws Exception {
    ask("why is checkout failing?");
    MessageRef reply = next(console.bot.replies);
    console.adapter.update(reply, Message.text("Ignored by carol")); // the buttons are gone now

    HttpResponse<Buffer> gone = click("bob", reply.messageId(), RecordingHandler.RESTART);
    HttpResponse<Buffer> forged = click("bob", reply.messageId(), "tok-forged");

    assertThat(gone.statusCode()).isEqualTo(409);
    assertThat(gone.bodyAsJsonObject().getString("error"))
        .contains("this button is no longer on the message");
    assertThat(forged.statusCode()).isEqualTo(409);
    assertThat(console.bot.clicks).isEmpty();
  }

  @Test
  void click_on_an_unknown_message_is_not_found() {
    HttpResponse<Buffer> response = click("bob", "m404", RecordingHandler.RESTART);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("error"))
        .contains("messageId")
        .contains("m404");
    assertThat(console.bot.clicks).isEmpty();
  }

  private HttpResponse<Buffer> ask(String text) {
    return console.postJson(
        "/api/console/messages", new JsonObject().put("user", "alice").put("text", text).encode());
  }

  private HttpResponse<Buffer> click(String user, String messageId, String token) {
    return console.postJson(
        "/api/console/clicks",
        new JsonObject()
            .put("user", user)
            .put("messageId", messageId)
            .put("token", token)
            .encode());
  }

  private static JsonObject author(String kind, String name) {
    return new JsonObject().put("kind", kind).put("name", name);
  }

  private void awaitParkedPoll() throws InterruptedException {
    Eventually.until(
        "the long poll to park", Duration.ofSeconds(5), () -> console.parkedPolls() > 0);
  }
}
