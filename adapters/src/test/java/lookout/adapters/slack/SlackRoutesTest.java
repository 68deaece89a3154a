package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.chat.Click;
import lookout.adapters.chat.ClickReply;
import lookout.adapters.chat.Inbound;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackRoutesTest {
  static final String SECRET = "test-signing-secret";
  static Vertx vertx;
  static HttpServer server;
  static SignedRequests slack;
  static final Recorder bot = new Recorder();
  static final BlockingQueue<ClickReply> told = new LinkedBlockingQueue<>();

  /** A stand-in bot that records what it is handed, and where it ran. */
  static final class Recorder implements ChatHandler {
    final BlockingQueue<Inbound> inbounds = new LinkedBlockingQueue<>();
    final BlockingQueue<Click> clicks = new LinkedBlockingQueue<>();
    final BlockingQueue<Inbound> offered = new LinkedBlockingQueue<>();
    volatile boolean onEventLoop;
    volatile boolean offeredOnEventLoop;
    volatile boolean fail;
    volatile boolean takesAtOnce;

    @Override
    public boolean offer(Inbound inbound) {
      if (!takesAtOnce) {
        return false;
      }
      offeredOnEventLoop = Context.isOnEventLoopThread();
      offered.add(inbound);
      return true;
    }

    @Override
    public void onMessage(Inbound inbound) {
      onEventLoop |= Context.isOnEventLoopThread();
      if (fail) {
        throw new IllegalStateException("database is down");
      }
      inbounds.add(inbound);
    }

    @Override
    public ClickReply onClick(Click click) {
      onEventLoop |= Context.isOnEventLoopThread();
      clicks.add(click);
      return ClickReply.refused("You cannot approve your own request.");
    }
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    new SlackRoutes(
            new SlackRequestVerifier(SECRET, Clock.systemUTC()),
            bot,
            (click, reply) -> told.add(reply),
            Executors.newVirtualThreadPerTaskExecutor())
        .mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    slack = new SignedRequests(server.actualPort(), SECRET);
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @BeforeEach
  void reset() {
    bot.inbounds.clear();
    bot.clicks.clear();
    bot.fail = false;
    bot.takesAtOnce = false;
    bot.offered.clear();
    told.clear();
  }

  @Test
  void a_signed_mention_reaches_the_bot_off_the_event_loop() throws Exception {
    var response =
        slack.event(SignedRequests.mention("Ev1", "U1", "C1", "1.1", null, "<@UBOT> hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    Inbound in = bot.inbounds.poll(5, TimeUnit.SECONDS);
    assertThat(in).isNotNull();
    assertThat(in.text()).isEqualTo("hi");
    assertThat(bot.onEventLoop).isFalse();
  }

  @Test
  void a_bot_that_can_take_the_mention_at_once_gets_it_on_the_event_loop_without_a_hop()
      throws Exception {
    bot.takesAtOnce = true;

    var response =
        slack.event(SignedRequests.mention("Ev9", "U1", "C1", "1.9", null, "<@UBOT> hi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(bot.offered.poll(5, TimeUnit.SECONDS).eventId()).isEqualTo("Ev9");
    assertThat(bot.offeredOnEventLoop).isTrue();
    assertThat(bot.inbounds.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_retry_is_handed_over_with_the_same_event_id_for_the_bot_to_dedupe() throws Exception {
    String body = SignedRequests.mention("Ev2", "U1", "C1", "1.2", null, "<@UBOT> hi");

    assertThat(slack.retry(body, 1).statusCode()).isEqualTo(200);

    assertThat(bot.inbounds.poll(5, TimeUnit.SECONDS).eventId()).isEqualTo("Ev2");
  }

  @Test
  void a_forged_request_gets_401_and_reaches_nobody() throws Exception {
    var forged =
        new SignedRequests(server.actualPort(), "not-the-secret")
            .event(SignedRequests.mention("Ev3", "U1", "C1", "1.3", null, "<@UBOT> hi"));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void a_replayed_request_older_than_five_minutes_gets_401() throws Exception {
    var stale =
        slack.send(
            "/slack/events",
            SignedRequests.mention("Ev4", "U1", "C1", "1.4", null, "<@UBOT> hi"),
            "application/json",
            Instant.now().minus(Duration.ofMinutes(6)),
            null);

    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body()).contains("away from now");
    assertThat(bot.inbounds.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void url_verification_is_answered_with_the_challenge() throws Exception {
    var response = slack.event("{\"type\":\"url_verification\",\"challenge\":\"c-123\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"challenge\":\"c-123\"}");
  }

  @Test
  void a_body_over_one_mebibyte_is_refused() throws Exception {
    String big = "{\"type\":\"x\",\"pad\":\"" + "a".repeat(1024 * 1024) + "\"}";

    assertThat(slack.event(big).statusCode()).isEqualTo(413);
  }

  @Test
  void a_signed_but_malformed_event_gets_400_naming_the_field() throws Exception {
    var response = slack.event("{\"type\":\"event_callback\",\"event\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("event_id");
  }

  @Test
  void when_the_bot_cannot_take_an_event_slack_gets_500_and_will_retry() throws Exception {
    bot.fail = true;

    var response = slack.event(SignedRequests.mention("Ev5", "U1", "C1", "1.5", null, "hi"));

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void a_button_press_is_acked_handed_to_the_bot_and_the_clicker_is_told() throws Exception {
    var response = slack.click(SignedRequests.buttonPress("U2", "C1", "9.9", "1.1", "tok-a"));

    assertThat(response.statusCode()).isEqualTo(200);
    Click click = bot.clicks.poll(5, TimeUnit.SECONDS);
    assertThat(click.user().qualified()).isEqualTo("slack:U2");
    assertThat(click.token()).isEqualTo("tok-a");
    assertThat(told.poll(5, TimeUnit.SECONDS).notice()).contains("your own request");
  }

  @Test
  void a_forged_button_press_changes_nothing() throws Exception {
    var forged =
        new SignedRequests(server.actualPort(), "wrong")
            .click(SignedRequests.buttonPress("U2", "C1", "9.9", null, "tok-b"));

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(bot.clicks.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }
}
