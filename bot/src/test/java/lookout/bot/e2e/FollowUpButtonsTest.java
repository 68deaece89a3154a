package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ask-back buttons on the console, end to end: a question that matches several objects is answered
 * with one button per match; pressing one asks the follow-up as the presser, in the same thread.
 */
class FollowUpButtonsTest {
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;

  @BeforeAll
  static void start() throws Exception {
    lookout = TestLookout.start(dataDir);
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @Test
  void which_one_is_asked_with_a_button_per_namespace_and_a_press_answers_in_the_thread()
      throws Exception {
    String thread = chat.say("alice", "@lookout why is checkout failing?");
    JsonNode which = chat.awaitBot(thread, m -> summary(m).contains("which namespace"));
    assertThat(summary(which))
        .isEqualTo(
            "checkout exists in prod and staging — which namespace? Only deployment"
                + " staging/checkout is in trouble.");
    String staging = button(which, "deployment staging/checkout");
    button(which, "deployment prod/checkout");

    var pressed = chat.click("bob", which.path("id").asText(), staging);

    assertThat(pressed.status()).isEqualTo(200);
    assertThat(pressed.body().path("accepted").asBoolean()).isTrue();
    assertThat(pressed.body().path("notice").asText())
        .isEqualTo("Asking: diagnose deployment staging/checkout");
    JsonNode diagnosis = chat.awaitBot(thread, m -> summary(m).contains("CrashLoopBackOff"));
    assertThat(summary(diagnosis)).contains("staging/checkout");
    assertThat(text(diagnosis)).contains("DATABASE_URL is not set");
  }

  @Test
  void a_token_that_is_not_on_the_message_asks_nothing() throws Exception {
    String thread = chat.say("alice", "why is checkout failing?");
    JsonNode which = chat.awaitBot(thread, m -> summary(m).contains("which namespace"));
    int before = chat.messages().size();

    var forged =
        chat.click("mallory", which.path("id").asText(), "q.cmVzdGFydCBjaGVja291dA.9999999999.x");

    assertThat(forged.status()).isEqualTo(409);
    Thread.sleep(500); // nothing may arrive: give a wrongly started answer the time to show up
    assertThat(chat.messages()).hasSize(before);
  }

  @Test
  void a_question_that_mentions_a_restart_gets_no_approval_card() throws Exception {
    String thread = chat.say("carol", "staging 的 checkout 之前重启过，现在正常吗？");

    JsonNode answer = chat.awaitBot(thread, m -> true);

    assertThat(summary(answer)).contains("staging/checkout");
    Thread.sleep(500); // an approval card would follow the answer at once
    List<JsonNode> inThread =
        chat.messages().stream()
            .filter(m -> thread.equals(m.path("thread").asText()))
            .filter(m -> "bot".equals(m.path("author").path("kind").asText()))
            .toList();
    assertThat(inThread).noneMatch(m -> summary(m).startsWith("Approval needed"));
  }

  @Test
  void a_question_that_names_nothing_offers_the_next_questions_as_buttons() throws Exception {
    String thread = chat.say("dave", "集群有什么问题吗");

    JsonNode answer = chat.awaitBot(thread, m -> true);

    assertThat(summary(answer)).contains("need attention in cluster sandbox");
    assertThat(answer.path("parts").toString()).contains("\"label\":\"Why: deployment");
  }
}
