package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production approvals through the console, end to end: two approvers in prod, the dry run on the
 * card, drift stopping an execution, and the audit and breaker chat commands.
 */
class ApprovalsChatTest {
  static final String POLICY =
      """
      groups:
        sre: [console:alice, console:bob, console:carol]
      rules:
        - name: prod
          namespaces: [prod]
          approvers: ["group:sre"]
          approvals: 2
          maxReplicas: 20
        - name: staging
          namespaces: ["*"]
          approvers: ["group:sre"]
      """;

  @TempDir static Path dir;
  static LookoutServer lookout;
  static ConsoleClient chat;
  static KubernetesClient cluster;

  @BeforeAll
  static void start() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, POLICY);
    lookout = TestLookout.start(dir.resolve("data"), "approvals:\n  policyFile: " + policy + "\n");
    chat = new ConsoleClient(lookout.port());
    cluster = lookout.lookout().cluster("sandbox");
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  private int replicas(String name) {
    return cluster
        .apps()
        .deployments()
        .inNamespace("prod")
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void prod_needs_two_distinct_approvers_and_the_card_says_who_else() throws Exception {
    String thread = chat.say("alice", "scale frontend to 5 in prod");
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    String id = card.path("id").asText();
    assertThat(summary(card)).endsWith("(0 of 2 approvals)");
    assertThat(text(card)).contains("replicas 3 → 5");

    assertThat(chat.click("bob", id, button(card, "Approve")).status()).isEqualTo(200);
    JsonNode half = chat.awaitBot(thread, m -> summary(m).endsWith("(1 of 2 approvals)"));
    assertThat(text(half)).contains("Waiting for 1 more approval from group:sre");
    assertThat(replicas("frontend")).isEqualTo(3);

    chat.click("carol", id, button(half, "Approve"));
    JsonNode done = chat.awaitBot(thread, m -> summary(m).startsWith("Done:"));
    assertThat(summary(done)).contains("approved by console:bob, console:carol");
    assertThat(replicas("frontend")).isEqualTo(5);

    String audit = chat.say("alice", "audit prod");
    JsonNode answer = chat.awaitBot(audit, m -> summary(m).startsWith("Approval audit"));
    assertThat(text(answer))
        .contains("approved console:bob — scale deployment prod/frontend to 5")
        .contains("succeeded system");
  }

  @Test
  void a_target_changed_after_the_request_is_not_touched_and_can_be_requested_again()
      throws Exception {
    String thread = chat.say("alice", "scale cart to 4 in prod");
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    String id = card.path("id").asText();
    cluster.apps().deployments().inNamespace("prod").withName("cart").scale(6);

    chat.click("bob", id, button(card, "Approve"));
    JsonNode half = chat.awaitBot(thread, m -> summary(m).endsWith("(1 of 2 approvals)"));
    chat.click("carol", id, button(half, "Approve"));
    JsonNode stopped = chat.awaitBot(thread, m -> summary(m).startsWith("Stopped:"));

    assertThat(text(stopped)).contains("replicas of prod/cart changed from 2 to 6");
    assertThat(replicas("cart")).isEqualTo(6);
    var again = chat.click("alice", id, button(stopped, "Request again with a fresh dry run"));
    assertThat(again.status()).isEqualTo(200);
    JsonNode fresh =
        chat.awaitBot(
            thread,
            m -> !m.path("id").asText().equals(id) && summary(m).startsWith("Approval needed"));
    assertThat(text(fresh)).contains("replicas 6 → 4");
  }

  @Test
  void a_restart_card_shows_the_rollout_progress() throws Exception {
    String thread = chat.say("alice", "restart search in staging");
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    assertThat(text(card)).contains("rollout restart of");

    chat.click("bob", card.path("id").asText(), button(card, "Approve"));
    JsonNode done =
        chat.awaitBot(
            thread, m -> summary(m).startsWith("Done:") && text(m).contains("\"Rollout\""));

    assertThat(text(done)).containsPattern("pods? updated, \\d+ ready");
  }

  @Test
  void only_approvers_may_reset_a_breaker_in_chat() throws Exception {
    String mallory = chat.say("mallory", "reset breaker restart staging/checkout");
    JsonNode refused = chat.awaitBot(mallory, m -> summary(m).startsWith("Not reset"));
    assertThat(summary(refused)).contains("console:mallory is not an approver");

    String bob = chat.say("bob", "@lookout reset breaker restart staging/checkout");
    JsonNode notOpen = chat.awaitBot(bob, m -> summary(m).contains("is not open"));
    assertThat(summary(notOpen)).contains("restart of staging/checkout on cluster sandbox");
  }
}
