package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackSocketModeTest {
  FakeSlackApi api;
  FakeSocketModeServer socket;
  SlackRoutesTest.Recorder bot;
  SlackSocketMode client;
  final java.util.concurrent.BlockingQueue<ClickReply> told =
      new java.util.concurrent.LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    api = new FakeSlackApi();
    socket = new FakeSocketModeServer();
    api.socketModeUrl(socket.url());
    bot = new SlackRoutesTest.Recorder();
    client =
        new SlackSocketMode(
            "xapp-1-A1-test",
            api.url(),
            bot,
            (click, reply) -> told.add(reply),
            Executors.newVirtualThreadPerTaskExecutor());
    client.start();
    socket.awaitConnections(1, 5);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    socket.stop(1000);
    api.close();
  }

  @Test
  void the_connection_is_opened_with_the_app_token() throws Exception {
    FakeSlackApi.Call open = api.next("apps.connections.open", 5);

    assertThat(open.authorization()).isEqualTo("Bearer xapp-1-A1-test");
    assertThat(socket.connectionsOpened()).isEqualTo(1);
  }

  @Test
  void a_mention_envelope_reaches_the_bot_and_is_acknowledged() throws Exception {
    socket.send(
        FakeSocketModeServer.eventsEnvelope(
            "env-1", SignedRequests.mention("EvS1", "U1", "C1", "5.5", null, "<@UBOT> help")));

    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.text()).isEqualTo("help");
    assertThat(in.eventId()).isEqualTo("EvS1");
    assertThat(socket.nextReceived(5)).isEqualTo("{\"envelope_id\":\"env-1\"}");
  }

  @Test
  void an_event_the_bot_cannot_take_is_not_acknowledged_so_slack_redelivers() throws Exception {
    bot.fail = true;

    socket.send(
        FakeSocketModeServer.eventsEnvelope(
            "env-2", SignedRequests.mention("EvS2", "U1", "C1", "5.6", null, "<@UBOT> help")));

    assertThat(socket.nextReceived(1)).isNull();
  }

  @Test
  void a_button_press_is_acknowledged_and_handled() throws Exception {
    socket.send(
        FakeSocketModeServer.interactiveEnvelope(
            "env-3", SignedRequests.buttonPress("U2", "C1", "9.9", null, "tok-s")));

    assertThat(socket.nextReceived(5)).isEqualTo("{\"envelope_id\":\"env-3\"}");
    Click click = bot.clicks.poll(5, TimeUnit.SECONDS);
    assertThat(click.user().qualified()).isEqualTo("slack:U2");
    assertThat(told.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void a_dropped_connection_is_reopened() throws Exception {
    api.next("apps.connections.open", 5);

    socket.dropAll();

    api.next("apps.connections.open", 20);
    socket.awaitConnections(2, 10);
    socket.send(
        FakeSocketModeServer.eventsEnvelope(
            "env-4", SignedRequests.mention("EvS4", "U1", "C1", "5.7", null, "<@UBOT> hi")));
    assertThat(bot.inbounds.poll(5, TimeUnit.SECONDS)).isNotNull();
  }
}
