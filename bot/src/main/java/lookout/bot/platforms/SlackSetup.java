package lookout.bot.platforms;

import io.vertx.ext.web.Router;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executor;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.slack.SlackAdapter;
import lookout.adapters.slack.SlackRequestVerifier;
import lookout.adapters.slack.SlackRoutes;
import lookout.adapters.slack.SlackSocketMode;
import lookout.bot.config.SlackSettings;

/**
 * Slack wired into Lookout when {@code slack.enabled}: the Web API adapter behind the persistent
 * outbox (the bot only ever sees the queued adapter) and, in {@code mode: http}, the signed {@code
 * /slack/events} and {@code /slack/actions} routes.
 */
public final class SlackSetup implements PlatformSetup {
  private final SlackSettings settings;
  private final SlackAdapter api;
  private final ChatAdapter queued;
  private SlackSocketMode socket;

  private SlackSetup(SlackSettings settings, SlackAdapter api, Outbox outbox) {
    this.settings = settings;
    this.api = api;
    this.queued = outbox.wrap(api);
  }

  static SlackSetup open(SlackSettings settings, Outbox outbox) {
    SlackAdapter api = new SlackAdapter(settings.botToken(), settings.apiUrl());
    return new SlackSetup(settings, api, outbox);
  }

  @Override
  public ChatAdapter adapter() {
    return queued;
  }

  /**
   * Starts receiving (only {@code serve} calls this, so {@code ask} never takes Slack traffic):
   * mounts the Events API and interactivity routes ({@code mode: http}) or connects Socket Mode
   * ({@code mode: socket}), throwing when Slack refuses the app token or cannot be reached.
   */
  @Override
  public void mount(Router router, ChatHandler handler, Executor blocking) {
    if (settings.mode() == SlackSettings.Mode.HTTP) {
      new SlackRoutes(
              new SlackRequestVerifier(settings.signingSecret(), Clock.systemUTC()),
              handler,
              api,
              blocking)
          .mount(router);
      return;
    }
    socket = new SlackSocketMode(settings.appToken(), settings.apiUrl(), handler, api, blocking);
    try {
      socket.start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "while connecting to Slack Socket Mode at " + settings.apiUrl() + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
    api.close();
  }
}
