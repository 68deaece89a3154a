package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import lookout.adapters.feishu.FakeFeishuApi;
import lookout.adapters.feishu.SignedFeishuRequests;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SignedRequests;
import lookout.adapters.wecom.FakeWecomApi;
import lookout.adapters.wecom.WecomCallbacks;
import lookout.agent.llm.FakeOpenAi;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Lookout with a model that streams its analysis over 3 s, on every surface at once: the
 * evidence is posted first, marked "analysis in progress…", and the model's analysis ends in that
 * same message — Slack {@code chat.update} of the posted {@code ts}, a Feishu card patch of the
 * reply's message id, the console message edited in place, and the WeCom AI bot's one stream reply
 * (流式消息), which WeCom polls until the final version finishes it.
 */
class StreamedAnalysisFlowTest {
  static final String SLACK_SECRET = "stream-test-signing-secret-0123";
  static final String FEISHU_KEY = "stream-test-encrypt-key";
  static final String FEISHU_TOKEN = "stream-test-verification-token";
  static final String FEISHU_BOT = "ou_lookoutbot";
  static final String ANALYSIS_LINE = "staging/checkout crash-loops because DATABASE_URL is unset";
  static final String ANALYSIS =
      ANALYSIS_LINE
          + ".\n- the container exits at start: \"DATABASE_URL is not set\"\n"
          + "- 14 restarts in the last hour\n"
          + "Set DATABASE_URL from the checkout-db secret and roll out again.";

  @TempDir static Path dataDir;
  static FakeOpenAi model;
  static FakeSlackApi slackApi;
  static FakeFeishuApi feishuApi;
  static FakeWecomApi wecomApi;
  static LookoutServer lookout;

  @BeforeAll
  static void start() throws Exception {
    model = new FakeOpenAi().taking(Duration.ofSeconds(3));
    slackApi = new FakeSlackApi();
    feishuApi = new FakeFeishuApi();
    wecomApi = new FakeWecomApi();
    lookout =
        TestLookout.start(
            dataDir,
            """
            llm:
              baseUrl: %s
              apiKey: sk-stream-test-000000000000
              model: gpt-test
              timeout: 30s
            slack:
              enabled: true
              botToken: xoxb-1111-2222-streamtokenvalue
              signingSecret: %s
              apiUrl: %s
            feishu:
              enabled: true
              appId: cli_streamtest001
              appSecret: app-secret-for-stream-tests
              encryptKey: %s
              verificationToken: %s
              botOpenId: %s
              apiUrl: %s
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
            """
                .formatted(
                    model.baseUrl(),
                    SLACK_SECRET,
                    slackApi.url(),
                    FEISHU_KEY,
                    FEISHU_TOKEN,
                    FEISHU_BOT,
                    feishuApi.url(),
                    wecomApi.url(),
                    FakeWecomApi.CORP_ID,
                    FakeWecomApi.SECRET,
                    WecomCallbacks.APP_TOKEN,
                    WecomCallbacks.APP_AES_KEY,
                    WecomCallbacks.BOT_TOKEN,
                    WecomCallbacks.BOT_AES_KEY));
  }

  @AfterAll
  static void stop() {
    lookout.close();
    model.close();
    slackApi.close();
    feishuApi.close();
    wecomApi.close();
  }

  @Test
  void on_slack_the_analysis_is_edited_into_the_evidence_message() throws Exception {
    model.thenAnswers(ANALYSIS);
    new SignedRequests(lookout.port(), SLACK_SECRET)
        .event(
            SignedRequests.mention(
                "EvStream1",
                "UCAROL",
                "C1",
                "1700000009.000100",
                null,
                "<@UBOT> why is checkout failing in staging?"));

    FakeSlackApi.Call evidence = slackApi.next("chat.postMessage", 20);
    assertThat(evidence.field("blocks")).contains("CrashLoopBackOff", "analysis in progress");
    String ts = evidence.answeredTs();
    FakeSlackApi.Call last =
        await(
            "a chat.update of " + ts + " with the whole analysis",
            slackApi::all,
            c ->
                c.method().equals("chat.update")
                    && ts.equals(c.field("ts"))
                    && c.field("blocks").contains("roll out again")
                    && !c.field("blocks").contains("analysis in progress"));

    assertThat(last.field("blocks")).contains("CrashLoopBackOff", ANALYSIS_LINE);
    assertThat(slackApi.all().stream().filter(c -> c.method().equals("chat.postMessage")))
        .as("one message: the evidence, edited")
        .hasSize(1);
  }

  @Test
  void on_feishu_the_analysis_is_patched_into_the_evidence_card() throws Exception {
    model.thenAnswers(ANALYSIS);
    SignedFeishuRequests feishu =
        new SignedFeishuRequests(lookout.port(), FEISHU_KEY, FEISHU_TOKEN);
    feishu.send(
        feishu.message(
            "evStream1",
            "ou_carol",
            "oc_s1",
            "group",
            "om_evStream1",
            "@_user_1 why is checkout failing in staging?",
            new String[] {"@_user_1", FEISHU_BOT, "Lookout"}));

    FakeFeishuApi.Call evidence = feishuApi.await(c -> "om_evStream1".equals(c.pathId()), 20);
    assertThat(evidence.kind()).isEqualTo("reply");
    assertThat(evidence.card().toString()).contains("CrashLoopBackOff", "analysis in progress");
    String id = evidence.answeredId();
    FakeFeishuApi.Call last =
        await(
            "a patch of " + id + " with the whole analysis",
            feishuApi::all,
            c ->
                c.kind().equals("patch")
                    && id.equals(c.pathId())
                    && c.card().toString().contains("roll out again")
                    && !c.card().toString().contains("analysis in progress"));

    assertThat(last.card().toString()).contains("CrashLoopBackOff", ANALYSIS_LINE);
    assertThat(feishuApi.all().stream().filter(c -> !c.kind().equals("patch")))
        .as("one message: the evidence, patched")
        .hasSize(1);
  }

  @Test
  void on_the_console_the_analysis_is_edited_into_the_evidence_message() throws Exception {
    model.thenAnswers(ANALYSIS);
    ConsoleClient chat = new ConsoleClient(lookout.port());
    String thread = chat.say("alice", "@lookout why is checkout failing in staging?");

    JsonNode evidence = chat.awaitBot(thread, m -> text(m).contains("analysis in progress"));
    assertThat(text(evidence)).contains("CrashLoopBackOff");
    JsonNode last =
        chat.awaitBot(
            thread,
            m -> text(m).contains("roll out again") && !text(m).contains("analysis in progress"));

    assertThat(last.path("id").asText()).isEqualTo(evidence.path("id").asText());
    assertThat(text(last)).contains("CrashLoopBackOff", ANALYSIS_LINE);
    assertThat(
            chat.messages().stream()
                .filter(m -> "bot".equals(m.path("author").path("kind").asText()))
                .filter(m -> thread.equals(m.path("thread").asText())))
        .as("one message: the evidence, edited")
        .hasSize(1);
  }

  @Test
  void on_wecom_the_ai_bot_streams_the_evidence_and_then_the_analysis_in_one_reply()
      throws Exception {
    model.thenAnswers(ANALYSIS);
    WecomCallbacks wecom = new WecomCallbacks(lookout.port(), FakeWecomApi.CORP_ID);
    var opened =
        wecom.toAibot(
            WecomCallbacks.aibotText(
                "ai-stream-1",
                "dave",
                "wrkGroup1",
                "@Lookout why is checkout failing in staging?",
                wecomApi.replyUrl("ai-stream-1")));
    assertThat(wecom.passiveReply(opened.body()).path("msgtype").asText()).isEqualTo("stream");

    // WeCom polls the stream (about once a second) until a reply says finish
    List<String> shown = new java.util.ArrayList<>();
    JsonNode last =
        Eventually.value(
            "the stream to finish",
            Duration.ofSeconds(30),
            Duration.ofMillis(300),
            () -> {
              JsonNode frame =
                  wecom
                      .passiveReply(
                          wecom
                              .toAibot(
                                  WecomCallbacks.aibotStreamRefresh(
                                      "ai-refresh-" + shown.size(),
                                      "dave",
                                      "wrkGroup1",
                                      "ai-stream-1"))
                              .body())
                      .path("stream");
              shown.add(frame.path("content").asText());
              return frame.path("finish").asBoolean() ? frame : null;
            });

    assertThat(shown)
        .as("the evidence first, marked in progress")
        .anySatisfy(c -> assertThat(c).contains("CrashLoopBackOff", "analysis in progress"));
    assertThat(last.path("content").asText())
        .contains("CrashLoopBackOff", ANALYSIS_LINE)
        .doesNotContain("analysis in progress");
    assertThat(wecomApi.calls("/aibot/reply/ai-stream-1")).as("no response_url needed").isEmpty();
    assertThat(
            wecomApi.calls("/message/send").stream()
                .filter(c -> "dave".equals(c.field("touser")))
                .filter(c -> "markdown".equals(c.field("msgtype"))))
        .as("no follow-up: the answer is the stream (only its buttons go as an app card)")
        .isEmpty();
  }

  private static <T> T await(
      String what, java.util.function.Supplier<List<T>> calls, Predicate<T> wanted)
      throws Exception {
    try {
      return Eventually.value(
          what,
          Duration.ofSeconds(30),
          () -> calls.get().stream().filter(wanted).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no " + what + ": " + calls.get(), e);
    }
  }
}
