package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SignedRequests;
import lookout.bot.db.DeliveryDedupe;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Lookout with Slack enabled: Slack's side is played by signed requests (the SDK's own
 * signature generator) and a fake Web API on loopback that the official client posts to.
 */
class SlackFlowTest {
  static final String SECRET = "test-signing-secret-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dataDir;
  static FakeSlackApi api;
  static LookoutServer lookout;
  static SignedRequests slack;

  @BeforeAll
  static void start() throws Exception {
    api = new FakeSlackApi();
    Path policy = dataDir.resolve("policy.yaml");
    Files.createDirectories(dataDir);
    Files.writeString(
        policy,
        """
        groups:
          sre: [slack:UALICE, slack:UBOB]
        rules:
          - namespaces: ["*"]
            approvers: ["group:sre"]
        """);
    lookout =
        TestLookout.start(
            dataDir,
            """
            slack:
              enabled: true
              botToken: xoxb-1111-2222-testtokenvalue
              signingSecret: %s
              apiUrl: %s
            approvals:
              policyFile: %s
            """
                .formatted(SECRET, api.url(), policy));
    slack = new SignedRequests(lookout.port(), SECRET);
  }

  @AfterAll
  static void stop() {
    lookout.close();
    api.close();
  }

  @Test
  void a_mention_is_answered_once_in_its_thread_even_when_slack_retries() throws Exception {
    String event =
        SignedRequests.mention(
            "EvDiag1",
            "UCAROL",
            "C1",
            "1700000001.000100",
            null,
            "<@UBOT> why is checkout failing in staging?");

    try (LogLines dedupe = LogLines.of(DeliveryDedupe.class)) {
      assertThat(slack.event(event).statusCode()).isEqualTo(200);
      assertThat(slack.retry(event, 1).statusCode()).isEqualTo(200);

      FakeSlackApi.Call answer = api.next("chat.postMessage", 20);
      assertThat(answer.field("channel")).isEqualTo("C1");
      assertThat(answer.field("thread_ts")).isEqualTo("1700000001.000100");
      assertThat(answer.field("text")).contains("CrashLoopBackOff");
      assertThat(answer.field("blocks")).contains("```");
      dedupe.await(
          "the retry to be ignored",
          l -> l.startsWith("duplicate delivery") && l.contains("EvDiag1"));
    }
    assertThat(
            api.all().stream()
                .filter(c -> "1700000001.000100".equals(c.field("thread_ts")))
                .count())
        .as("the retry was not answered again")
        .isEqualTo(1);
  }

  @Test
  void a_forged_mention_gets_401_and_nothing_is_posted() throws Exception {
    var forged =
        new SignedRequests(lookout.port(), "someone-elses-secret-000")
            .event(
                SignedRequests.mention(
                    "EvForged", "UCAROL", "C9", "1.000001", null, "<@UBOT> help"));

    assertThat(forged.statusCode()).isEqualTo(401);
    // A genuine mention sent after it is answered: had the forged one got through, it would have
    // been answered by now too.
    slack.event(
        SignedRequests.mention("EvAfter", "UCAROL", "C8", "1.000002", null, "<@UBOT> help"));
    awaitPost("C8", "");
    assertThat(api.all()).noneMatch(c -> "C9".equals(c.field("channel")));
  }

  @Test
  void approve_by_another_approver_updates_the_card_and_restarts_once() throws Exception {
    String thread = "1700000002.000200";
    slack.event(
        SignedRequests.mention(
            "EvRestart1", "UALICE", "C2", thread, null, "<@UBOT> restart checkout in staging"));
    FakeSlackApi.Call card = awaitPost("C2", "Approval needed");
    String approve = buttonValue(card, "Approve");

    slack.click(SignedRequests.buttonPress("UALICE", "C2", card.answeredTs(), thread, approve));
    FakeSlackApi.Call own = api.next("chat.postEphemeral", 10);
    assertThat(own.field("user")).isEqualTo("UALICE");
    assertThat(own.field("text")).containsIgnoringCase("you requested");

    slack.click(SignedRequests.buttonPress("UBOB", "C2", card.answeredTs(), thread, approve));

    FakeSlackApi.Call done = awaitUpdate(card.answeredTs(), "Done");
    assertThat(done.field("channel")).isEqualTo("C2");
    assertThat(done.field("blocks")).contains("slack:UBOB");
    assertThat(restartedAt()).isNotNull();
  }

  private static FakeSlackApi.Call awaitPost(String channel, String textStart) throws Exception {
    return awaitCall(
        "a post starting " + textStart + " in " + channel,
        c ->
            c.method().equals("chat.postMessage")
                && channel.equals(c.field("channel"))
                && c.field("text").startsWith(textStart));
  }

  private static FakeSlackApi.Call awaitUpdate(String ts, String textStart) throws Exception {
    return awaitCall(
        "an update of " + ts + " starting " + textStart,
        c ->
            c.method().equals("chat.update")
                && ts.equals(c.field("ts"))
                && c.field("text").startsWith(textStart));
  }

  private static FakeSlackApi.Call awaitCall(String what, Predicate<FakeSlackApi.Call> wanted)
      throws Exception {
    try {
      return Eventually.value(
          what,
          Duration.ofSeconds(20),
          () -> api.all().stream().filter(wanted).findFirst().orElse(null));
    } catch (AssertionError e) {
      throw new AssertionError("no " + what + ": " + api.all());
    }
  }

  private static String buttonValue(FakeSlackApi.Call post, String label) throws Exception {
    for (JsonNode block : JSON.readTree(post.field("blocks"))) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("text").path("text").asText().equals(label)) {
          return element.path("value").asText();
        }
      }
    }
    throw new AssertionError("no button " + label + " in " + post.field("blocks"));
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
