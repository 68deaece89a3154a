package lookout.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import lookout.adapters.slack.FakeSlackApi;
import lookout.adapters.slack.FakeSocketModeServer;
import lookout.adapters.slack.SignedRequests;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole Lookout with {@code slack.mode: socket}: no public URL, the same answers. */
class SlackSocketModeFlowTest {
  @TempDir static Path dataDir;
  static FakeSlackApi api;
  static FakeSocketModeServer socket;
  static LookoutServer lookout;

  @BeforeAll
  static void start() throws Exception {
    api = new FakeSlackApi();
    socket = new FakeSocketModeServer();
    api.socketModeUrl(socket.url());
    lookout =
        TestLookout.start(
            dataDir,
            """
            slack:
              enabled: true
              mode: socket
              botToken: xoxb-1111-2222-testtokenvalue
              appToken: xapp-1-A111-2222-testappvalue
              apiUrl: %s
            """
                .formatted(api.url()));
    socket.awaitConnections(1, 10);
  }

  @AfterAll
  static void stop() throws Exception {
    lookout.close();
    socket.stop(1000);
    api.close();
  }

  @Test
  void a_mention_over_the_socket_is_acknowledged_and_answered_in_its_thread() throws Exception {
    socket.send(
        FakeSocketModeServer.eventsEnvelope(
            "env-e2e",
            SignedRequests.mention(
                "EvSock1", "UCAROL", "C7", "1700000009.000900", null, "<@UBOT> help")));

    assertThat(socket.nextReceived(10)).isEqualTo("{\"envelope_id\":\"env-e2e\"}");
    FakeSlackApi.Call answer = api.next("chat.postMessage", 20);
    assertThat(answer.field("channel")).isEqualTo("C7");
    assertThat(answer.field("thread_ts")).isEqualTo("1700000009.000900");
    assertThat(api.all())
        .noneMatch(c -> c.authorization().contains("xapp") && c.method().startsWith("chat."));
  }
}
