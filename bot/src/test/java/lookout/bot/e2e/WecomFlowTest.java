package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import lookout.adapters.wecom.FakeWecomApi;
import lookout.adapters.wecom.WecomCallbacks;
import lookout.adapters.wecom.WecomRoutes;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Lookout with WeCom enabled: WeCom's side is played by callbacks encrypted and signed
 * the way WeCom does, and a fake WeCom API on loopback that Lookout's adapter calls.
 */
class WecomFlowTest {
  @TempDir static Path dataDir;
  static FakeWecomApi api;
  static LookoutServer lookout;
  static WecomCallbacks wecom;

  @BeforeAll
  static void start() throws Exception {
    api = new FakeWecomApi();
    Path policy = dataDir.resolve("policy.yaml");
    Files.createDirectories(dataDir);
    Files.writeString(
        policy,
        """
        groups:
          sre: [wecom:alice, wecom:bob]
        rules:
          - namespaces: ["*"]
            approvers: ["group:sre"]
        """);
    lookout =
        TestLookout.start(
            dataDir,
            """
            wecom:
              enabled: true
              apiUrl: %s
              app:
                corpId: %s
                agentId: 1000002
                secret: %s
                token: %s
                encodingAesKey: %s
              aibot:
                token: %s
                encodingAesKey: %s
              robots:
                ops: robot-key-for-ops-0001
            approvals:
              policyFile: %s
            """
                .formatted(
                    api.url(),
                    FakeWecomApi.CORP_ID,
                    FakeWecomApi.SECRET,
                    WecomCallbacks.APP_TOKEN,
                    WecomCallbacks.APP_AES_KEY,
                    WecomCallbacks.BOT_TOKEN,
                    WecomCallbacks.BOT_AES_KEY,
                    policy));
    wecom = new WecomCallbacks(lookout.port(), FakeWecomApi.CORP_ID);
  }

  @AfterAll
  static void stop() {
    lookout.close();
    api.close();
  }

  @Test
  void an_app_question_is_answered_once_even_when_wecom_delivers_it_twice() throws Exception {
    String question =
        WecomCallbacks.appText("carol", "81001", "why is checkout failing in staging?");

    try (LogLines dedupe = LogLines.of(DeliveryDedupe.class)) {
      assertThat(wecom.toApp(question).statusCode()).isEqualTo(200);
      assertThat(wecom.toApp(question).statusCode()).isEqualTo(200);

      JsonNode answer = awaitSend("carol", "CrashLoopBackOff");
      assertThat(answer.path("msgtype").asText()).isEqualTo("markdown");
      dedupe.await(
          "the second delivery to be ignored",
          l -> l.startsWith("duplicate delivery") && l.contains("81001"));
    }
    assertThat(api.calls("/message/send").stream().filter(c -> "carol".equals(c.field("touser"))))
        .as("the second delivery was not answered again")
        .hasSize(1);
  }

  @Test
  void a_group_mention_of_the_ai_bot_is_answered_in_its_stream_reply() throws Exception {
    var r =
        wecom.toAibot(
            WecomCallbacks.aibotText(
                "ai-1",
                "dave",
                "wrkGroup1",
                "@Lookout why is checkout failing in staging?",
                api.replyUrl("ai-1")));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(wecom.passiveReply(r.body()).path("stream").path("id").asText()).isEqualTo("ai-1");
    JsonNode answer =
        Eventually.value(
            "the stream to finish",
            Duration.ofSeconds(20),
            () -> {
              JsonNode frame =
                  wecom
                      .passiveReply(
                          wecom
                              .toAibot(
                                  WecomCallbacks.aibotStreamRefresh(
                                      "ai-1-refresh", "dave", "wrkGroup1", "ai-1"))
                              .body())
                      .path("stream");
              return frame.path("finish").asBoolean() ? frame : null;
            });
    assertThat(answer.path("content").asText()).contains("CrashLoopBackOff");
    assertThat(api.calls("/aibot/reply/ai-1")).isEmpty();
  }

  @Test
  void a_forged_callback_gets_401_and_nothing_is_sent() throws Exception {
    var s =
        WecomCallbacks.seal(
            wecom.appCrypto(),
            WecomCallbacks.appText("mallory", "81009", "restart checkout in staging"));
    var forged = new WecomCallbacks.Signed(s.encrypt(), "f".repeat(40), s.timestamp(), s.nonce());

    var r =
        wecom.post(WecomRoutes.APP, forged, "<xml><Encrypt>" + s.encrypt() + "</Encrypt></xml>");

    assertThat(r.statusCode()).isEqualTo(401);
    // A genuine question sent after it is answered: had the forged one got through, it would have
    // been answered by now too.
    wecom.toApp(WecomCallbacks.appText("trent", "81010", "help"));
    awaitSend("trent", "");
    assertThat(api.all()).noneMatch(c -> "mallory".equals(c.field("touser")));
  }

  @Test
  void approval_by_another_approver_updates_the_card_with_its_code_and_restarts_once()
      throws Exception {
    wecom.toApp(WecomCallbacks.appText("alice", "81002", "restart checkout in staging"));
    JsonNode card = awaitCard("alice|bob");
    String task = card.path("template_card").path("task_id").asText();
    String approve = buttonKey(card, "Approve");

    wecom.toApp(WecomCallbacks.cardClick("alice", task, approve, "code-alice-1"));
    JsonNode own = awaitSend("alice", "another approver must approve");
    assertThat(own.path("msgtype").asText()).isEqualTo("markdown");

    wecom.toApp(WecomCallbacks.cardClick("bob", task, approve, "code-bob-1"));

    var update = api.await("/update_template_card", 1, 20);
    assertThat(update.field("response_code")).isIn("code-bob-1", "code-alice-1");
    assertThat(update.body().path("button").path("replace_name").asText())
        .containsIgnoringCase("approved");
    awaitSend("alice", "Done");
    assertThat(restartedAt()).isNotNull();
  }

  private static JsonNode awaitSend(String touser, String contains) throws Exception {
    return awaitCall(
        "a send to " + touser + " with " + contains,
        c -> touser.equals(c.field("touser")) && c.body().toString().contains(contains));
  }

  private static JsonNode awaitCard(String touser) throws Exception {
    return awaitCall(
        "a card to " + touser,
        c -> touser.equals(c.field("touser")) && "template_card".equals(c.field("msgtype")));
  }

  private static JsonNode awaitCall(String what, Predicate<FakeWecomApi.Call> wanted)
      throws Exception {
    try {
      return Eventually.value(
          what,
          Duration.ofSeconds(20),
          () ->
              api.calls("/message/send").stream()
                  .filter(wanted)
                  .map(FakeWecomApi.Call::body)
                  .findFirst()
                  .orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no " + what + ": " + api.all());
    }
  }

  private static String buttonKey(JsonNode send, String label) {
    for (JsonNode b : send.path("template_card").path("button_list")) {
      if (b.path("text").asText().equals(label)) {
        return b.path("key").asText();
      }
    }
    throw new AssertionError("no button " + label + " in " + send);
  }

  private static String restartedAt() {
    var annotations =
        lookout
            .lookout()
            .cluster("sandbox")
            .apps()
            .deployments()
            .inNamespace("staging")
            .withName("checkout")
            .get()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
  }
}
