package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.summary;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole Lookout over two clusters (two sandboxes, sandbox and edge) and a console channel bound
 * to edge: the config reaches the agent, answers name their cluster, /readyz names each cluster.
 */
class SeveralClustersChatTest {
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;

  @BeforeAll
  static void start() throws Exception {
    lookout =
        TestLookout.start(
            dataDir,
            """
            clusters:
              - {name: sandbox, sandbox: true}
              - {name: edge, sandbox: true}
            channels:
              - {channel: "console:edge-ops", cluster: edge}
            """);
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @Test
  void a_question_naming_a_cluster_is_answered_from_it() throws Exception {
    String thread = chat.say("alice", "@lookout why is checkout failing in staging on edge?");
    assertThat(summary(chat.awaitBot(thread, m -> true)))
        .startsWith("[edge] ")
        .contains("CrashLoopBackOff");
  }

  @Test
  void a_bound_channel_asks_its_cluster_and_the_default_channel_the_default() throws Exception {
    var posted =
        chat.post(
            "/api/console/messages",
            new ObjectMapper()
                .writeValueAsString(
                    Map.of(
                        "user",
                        "bob",
                        "channel",
                        "edge-ops",
                        "text",
                        "@lookout why is checkout failing in staging?")));
    String edgeThread = posted.body().get("thread").asText();
    String lobbyThread = chat.say("bob", "@lookout why is checkout failing in staging?");

    assertThat(summary(chat.awaitBot("edge-ops", edgeThread, m -> true))).startsWith("[edge] ");
    assertThat(summary(chat.awaitBot(lobbyThread, m -> true))).startsWith("[sandbox] ");
  }

  @Test
  void readiness_names_each_cluster() throws Exception {
    var ready = chat.get("/readyz");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body())
        .contains("\"cluster\":true", "\"cluster sandbox\":true", "\"cluster edge\":true");
  }
}
