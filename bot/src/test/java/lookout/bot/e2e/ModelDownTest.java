package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an {@code llm:} block whose endpoint is down, every question still gets an answer in its
 * thread: the offline one, saying the model is unavailable; {@code /metrics} counts the fallback.
 * Explicit commands never touch the model.
 */
class ModelDownTest {
  @TempDir static Path dataDir;
  static LookoutServer lookout;
  static ConsoleClient chat;

  @BeforeAll
  static void start() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort(); // nothing listens here once the socket closes
    }
    lookout =
        TestLookout.start(
            dataDir,
            "llm:\n  baseUrl: http://127.0.0.1:"
                + closed
                + "/v1\n  apiKey: sk-e2e-not-a-real-key-000000000000\n  model: gpt-4o-mini\n"
                + "  timeout: 2s\n");
    chat = new ConsoleClient(lookout.port());
  }

  @AfterAll
  static void stop() {
    lookout.close();
  }

  @Test
  void a_question_gets_the_offline_answer_marked_as_such() throws Exception {
    String thread = chat.say("alice", "@lookout why is checkout failing in staging?");

    // the evidence first, then the same message edited with the model's failure note
    JsonNode answer = chat.awaitBot(thread, m -> text(m).contains("analysis is unavailable"));

    assertThat(summary(answer)).contains("CrashLoopBackOff");
    assertThat(text(answer))
        .contains("The model's analysis is unavailable")
        .doesNotContain("sk-e2e-not-a-real-key");
    assertThat(chat.get("/metrics").body())
        .contains("lookout_llm_fallbacks_total{reason=\"model_error\"}")
        .contains("lookout_llm_calls_total{outcome=\"error\"}");
  }

  @Test
  void an_explicit_restart_still_asks_for_approval_without_the_model() throws Exception {
    String thread = chat.say("alice", "restart checkout in staging");

    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));

    assertThat(summary(card)).contains("restart deployment staging/checkout");
  }
}
