package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import lookout.adapters.feishu.FakeFeishuApi;
import lookout.adapters.feishu.SignedFeishuRequests;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Lookout with Feishu enabled in webhook mode: Feishu's side is played by requests
 * encrypted with the Encrypt Key and signed the way Feishu does, and by a fake open API on loopback
 * that the official SDK posts to.
 */
class FeishuFlowTest {
  static final String KEY = "flow-test-encrypt-key";
  static final String TOKEN = "flow-test-verification-token";
  static final String BOT = "ou_lookoutbot";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static FakeFeishuApi api;
  static LookoutServer lookout;
  static SignedFeishuRequests feishu;

  @BeforeAll
  static void start() throws Exception {
    api = new FakeFeishuApi();
    Path policy = dataDir.resolve("policy.yaml");
    Files.createDirectories(dataDir);
    Files.writeString(
        policy,
        """
        groups:
          sre: [feishu:ou_alice, feishu:ou_bob]
        rules:
          - namespaces: ["*"]
            approvers: ["group:sre"]
        """);
    lookout =
        TestLookout.start(
            dataDir,
            """
            feishu:
              enabled: true
              appId: cli_flowtest0001
              appSecret: app-secret-for-flow-tests
              encryptKey: %s
              verificationToken: %s
              botOpenId: %s
              apiUrl: %s
            approvals:
              policyFile: %s
            """
                .formatted(KEY, TOKEN, BOT, api.url(), policy));
    feishu = new SignedFeishuRequests(lookout.port(), KEY, TOKEN);
  }

  @AfterAll
  static void stop() {
    lookout.close();
    api.close();
  }

  private static String mention(String eventId, String user, String chat, String text) {
    return feishu.message(
        eventId,
        user,
        chat,
        "group",
        "om_" + eventId,
        "@_user_1 " + text,
        new String[] {"@_user_1", BOT, "Lookout"});
  }

  @Test
  void a_mention_is_answered_once_in_its_thread_even_when_feishu_delivers_it_twice()
      throws Exception {
    String event = mention("evDiag1", "ou_carol", "oc_c1", "why is checkout failing in staging?");

    try (LogLines dedupe = LogLines.of(DeliveryDedupe.class)) {
      assertThat(feishu.send(event).statusCode()).isEqualTo(200);
      assertThat(feishu.send(event).statusCode()).isEqualTo(200);

      FakeFeishuApi.Call answer = api.await(c -> "om_evDiag1".equals(c.pathId()), 20);
      assertThat(answer.kind()).isEqualTo("reply");
      assertThat(answer.field("reply_in_thread")).isEqualTo("true");
      assertThat(answer.card().toString()).contains("CrashLoopBackOff");
      dedupe.await(
          "the second delivery to be ignored",
          l -> l.startsWith("duplicate delivery") && l.contains("evDiag1"));
    }
    assertThat(api.all().stream().filter(c -> "om_evDiag1".equals(c.pathId())).count())
        .as("the second delivery was not answered again")
        .isEqualTo(1);
  }

  @Test
  void a_question_in_chinese_is_answered_in_its_thread_with_chinese_intact() throws Exception {
    feishu.send(mention("evZh1", "ou_carol", "oc_c3", "checkout 在 staging 为什么一直重启？"));

    FakeFeishuApi.Call answer = api.await(c -> "om_evZh1".equals(c.pathId()), 20);
    assertThat(answer.card().path("schema").asText()).isEqualTo("2.0");
    assertThat(answer.card().toString()).doesNotContain("\uFFFD").doesNotContain("??");
  }

  @Test
  void a_rate_limited_answer_is_retried_by_the_outbox_and_posted_once() throws Exception {
    api.rateLimitNextFor("om_evLimited", 1);

    feishu.send(mention("evLimited", "ou_carol", "oc_c4", "why is checkout failing in staging?"));

    FakeFeishuApi.Call answer =
        api.await(c -> "om_evLimited".equals(c.pathId()) && c.answeredId() != null, 30);
    assertThat(answer.card().toString()).contains("CrashLoopBackOff");
    var tries = api.all().stream().filter(c -> "om_evLimited".equals(c.pathId())).toList();
    assertThat(tries).hasSizeGreaterThanOrEqualTo(2);
    assertThat(tries.stream().filter(c -> c.answeredId() != null).count()).isEqualTo(1);
    assertThat(tries.stream().map(c -> c.field("uuid")).distinct()).hasSize(1);
  }

  @Test
  void a_forged_mention_gets_401_and_nothing_is_posted() throws Exception {
    var forged = new SignedFeishuRequests(lookout.port(), "someone-elses-key", TOKEN);

    var response = forged.send(mention("evForged", "ou_carol", "oc_c9", "scale checkout to 0"));

    assertThat(response.statusCode()).isEqualTo(401);
    // A genuine mention sent after it is answered: had the forged one got through, it would have
    // been answered by now too.
    feishu.send(mention("evAfter", "ou_carol", "oc_c8", "help"));
    api.await(c -> "om_evAfter".equals(c.pathId()), 20);
    assertThat(api.all()).noneMatch(c -> "om_evForged".equals(c.pathId()));
  }

  @Test
  void approve_by_another_approver_answers_with_the_new_card_and_restarts_once() throws Exception {
    feishu.send(mention("evRestart1", "ou_alice", "oc_c2", "restart checkout in staging"));
    FakeFeishuApi.Call card =
        api.await(
            c ->
                "om_evRestart1".equals(c.pathId())
                    && c.card().path("header").toString().contains("Approval needed"),
            20);
    String approve = buttonToken(card.card(), "Approve");

    var own =
        feishu.send(feishu.cardAction("cbOwn", "ou_alice", "oc_c2", card.answeredId(), approve));
    JsonNode ownAnswer = JSON.readTree(own.body());
    assertThat(ownAnswer.path("toast").path("type").asText()).isEqualTo("error");
    assertThat(ownAnswer.path("toast").path("content").asText())
        .containsIgnoringCase("you requested");

    var bob =
        feishu.send(feishu.cardAction("cbBob", "ou_bob", "oc_c2", card.answeredId(), approve));
    JsonNode bobAnswer = JSON.readTree(bob.body());
    assertThat(bob.statusCode()).isEqualTo(200);
    assertThat(bobAnswer.path("toast").path("type").asText()).isEqualTo("success");
    assertThat(bobAnswer.path("card").path("data").toString()).contains("feishu:ou_bob");

    FakeFeishuApi.Call done =
        api.await(
            c ->
                c.kind().equals("patch")
                    && card.answeredId().equals(c.pathId())
                    && c.card().path("header").toString().contains("Done"),
            20);
    assertThat(done.card().toString()).contains("feishu:ou_bob");
    assertThat(restartedAt()).isNotNull();
  }

  private static String buttonToken(JsonNode card, String label) {
    for (JsonNode element : card.path("body").path("elements")) {
      for (JsonNode column : element.path("columns")) {
        for (JsonNode button : column.path("elements")) {
          if (button.path("text").path("content").asText().equals(label)) {
            return button.path("behaviors").get(0).path("value").path("token").asText();
          }
        }
      }
    }
    throw new AssertionError("no button " + label + " in " + card);
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
