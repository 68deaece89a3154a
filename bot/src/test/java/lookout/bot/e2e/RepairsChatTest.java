package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as the README shows it, with its built-in policy: the diagnosis of staging/checkout
 * offers a roll back to the release before the failing one, the card shows image and revision
 * before → after, another approver approves, and the deployment's template is the old release's.
 */
class RepairsChatTest {
  static final String ROLL_BACK = "Request: Roll back deployment staging/checkout to revision 22";

  @TempDir static Path dir;
  static LookoutServer lookout;
  static ConsoleClient chat;
  static KubernetesClient cluster;

  @BeforeAll
  static void start() throws Exception {
    lookout = TestLookout.start(dir.resolve("data"));
    chat = new ConsoleClient(lookout.port());
    cluster = lookout.lookout().cluster("sandbox");
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @Test
  void a_failing_release_is_rolled_back_from_the_diagnosis_after_approval() throws Exception {
    String thread = chat.say("alice", "why is checkout failing in staging?");
    JsonNode diagnosis = chat.awaitBot(thread, m -> hasButton(m, ROLL_BACK));

    assertThat(
            chat.click("alice", diagnosis.path("id").asText(), button(diagnosis, ROLL_BACK))
                .status())
        .isEqualTo(200);
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    assertThat(text(card))
        .contains(
            "image registry.example.com/shop/checkout:2.8.0-rc.1 →"
                + " registry.example.com/shop/checkout:2.7.4; revision 23 → 22");
    assertThat(image()).endsWith(":2.8.0-rc.1");

    chat.click("bob", card.path("id").asText(), button(card, "Approve"));
    JsonNode done = chat.awaitBot(thread, m -> summary(m).startsWith("Done:"));

    assertThat(text(done))
        .contains("rolled back deployment staging/checkout from revision 23 to 22");
    assertThat(image()).endsWith(":2.7.4");
  }

  @Test
  void a_question_about_a_roll_back_requests_nothing() throws Exception {
    String thread = chat.say("alice", "should we roll back checkout in staging?");
    JsonNode answer = chat.awaitBot(thread, m -> true);

    assertThat(summary(answer)).doesNotStartWith("Approval needed");
  }

  private static String image() {
    return cluster
        .apps()
        .deployments()
        .inNamespace("staging")
        .withName("checkout")
        .get()
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .getImage();
  }

  private static boolean hasButton(JsonNode message, String label) {
    for (JsonNode part : message.path("parts")) {
      for (JsonNode b : part.path("buttons")) {
        if (b.path("label").asText().equals(label)) {
          return true;
        }
      }
    }
    return false;
  }
}
