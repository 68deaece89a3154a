package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.SignedRequests;
import lookout.approvals.AuditEntry;
import lookout.approvals.AuditQuery;
import lookout.approvals.AuditTrail;
import lookout.bot.wiring.Lookout;
import lookout.bot.wiring.LookoutServer;
import lookout.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everyone in the channel presses an old Approve button on a card that is already done: each is
 * told privately, the audit has every press, and the card is not edited once more.
 */
class ClickStormTest {
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
  void fifty_presses_of_an_old_button_on_a_decided_card_edit_it_zero_times() throws Exception {
    String thread = "1700000100.000100";
    slack.event(
        SignedRequests.mention(
            "EvStorm1", "UALICE", "C7", thread, null, "<@UBOT> scale checkout to 2 in staging"));
    FakeSlackApi.Call card =
        awaitCall(
            "the approval card",
            c -> c.method().equals("chat.postMessage") && text(c).startsWith("Approval needed"));
    String ts = card.answeredTs();
    String approve = buttonValue(card, "Approve");
    slack.click(SignedRequests.buttonPress("UBOB", "C7", ts, thread, approve));
    awaitCall("the card saying Done", c -> isUpdateOf(c, ts) && text(c).startsWith("Done:"));
    long editsWhenDone = api.all().stream().filter(c -> isUpdateOf(c, ts)).count();
    long ephemeralsBefore = ephemerals();
    Instant stormStarted = Instant.now();

    List<Future<Integer>> presses = new ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        String user = "U" + (100 + i);
        presses.add(
            threads.submit(
                () ->
                    slack
                        .click(SignedRequests.buttonPress(user, "C7", ts, thread, approve))
                        .statusCode()));
      }
    }
    for (Future<Integer> press : presses) {
      assertThat(press.get()).isEqualTo(200);
    }
    Eventually.until(
        "50 private answers", Duration.ofSeconds(30), () -> ephemerals() - ephemeralsBefore >= 50);
    // A question in the card's own thread is delivered after anything queued there before it.
    slack.event(
        SignedRequests.mention(
            "EvStorm2", "UALICE", "C7", "1700000100.000200", thread, "<@UBOT> help"));
    awaitCall(
        "the answer in the thread",
        c ->
            c.method().equals("chat.postMessage")
                && thread.equals(c.field("thread_ts"))
                && !text(c).startsWith("Approval needed"));

    assertThat(api.all().stream().filter(c -> isUpdateOf(c, ts)).count())
        .as("card edits after the storm")
        .isEqualTo(editsWhenDone);
    List<FakeSlackApi.Call> told =
        api.all().stream().filter(c -> c.method().equals("chat.postEphemeral")).toList();
    assertThat(told.subList(told.size() - 50, told.size()))
        .allMatch(c -> c.field("text").contains("already approved by slack:UBOB"));
    List<AuditEntry> audit = audit(stormStarted);
    assertThat(audit).hasSize(50).allMatch(e -> e.event().equals("duplicate"));
    assertThat(audit).extracting(AuditEntry::actor).doesNotHaveDuplicates();
  }

  private static List<AuditEntry> audit(Instant since) {
    Lookout l = lookout.lookout();
    return new AuditTrail(l.database()).query(new AuditQuery(since, null, null, 1000));
  }

  private static long ephemerals() {
    return api.all().stream().filter(c -> c.method().equals("chat.postEphemeral")).count();
  }

  private static boolean isUpdateOf(FakeSlackApi.Call c, String ts) {
    return c.method().equals("chat.update") && ts.equals(c.field("ts"));
  }

  private static String text(FakeSlackApi.Call c) {
    String t = c.field("text");
    return t == null ? "" : t;
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
}
