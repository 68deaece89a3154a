package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request nobody approves in time expires: the card says so and a late click changes nothing. */
class ExpiryTest {
  @TempDir Path dir;

  @Test
  void click_on_an_expired_request_changes_nothing() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(
        policy,
        """
        ttl: 2s
        selfApproval: false
        groups:
          sre: [console:alice, console:bob]
        rules:
          - namespaces: ["*"]
            requesters: ["*"]
            approvers: ["group:sre"]
        """);
    String config = "approvals:\n  policyFile: " + policy + "\n  expiryCheck: 500ms\n";
    try (LookoutServer lookout = TestLookout.start(dir.resolve("data"), config)) {
      ConsoleClient chat = new ConsoleClient(lookout.port());
      String thread = chat.say("alice", "scale checkout to 3 in staging");
      JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
      String approve = button(card, "Approve");

      JsonNode expired =
          chat.awaitBot(
              thread,
              m -> m.path("id").equals(card.path("id")) && summary(m).startsWith("Expired"));
      assertThat(summary(expired)).contains("scale deployment staging/checkout to 3");

      var late = chat.click("bob", card.path("id").asText(), approve);
      assertThat(late.status()).isEqualTo(409);
      int replicas =
          lookout
              .lookout()
              .cluster("sandbox")
              .apps()
              .deployments()
              .inNamespace("staging")
              .withName("checkout")
              .get()
              .getSpec()
              .getReplicas();
      assertThat(replicas).isNotEqualTo(3);
    }
  }
}
