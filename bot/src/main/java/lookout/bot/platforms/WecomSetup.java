package lookout.bot.platforms;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.outbox.Outbox;
import lookout.adapters.wecom.WecomAdapter;
import lookout.adapters.wecom.WecomCrypto;
import lookout.adapters.wecom.WecomRoutes;
import lookout.bot.config.WecomSettings;

/**
 * WeCom wired into Lookout when {@code wecom.enabled}: the adapter (app, AI bot, group robots)
 * behind the persistent outbox, and the {@code /wecom/callback} (app) and {@code /wecom/aibot}
 * routes for whichever surfaces are configured.
 */
public final class WecomSetup implements PlatformSetup {
  private final WecomSettings settings;
  private final WecomAdapter api;
  private final ChatAdapter queued;

  private WecomSetup(WecomSettings settings, WecomAdapter api, Outbox outbox) {
    this.settings = settings;
    this.api = api;
    this.queued = outbox.wrap(api);
  }

  static WecomSetup open(WecomSettings settings, DataSource db, Outbox outbox) {
    WecomAdapter api =
        new WecomAdapter(
            settings.apiUrl(),
            settings.app().map(a -> new WecomAdapter.App(a.corpId(), a.agentId(), a.secret())),
            settings.robots(),
            new WecomCardCodes(db, Clock.systemUTC()),
            new WecomStreamFrames(db, Clock.systemUTC()),
            Clock.systemUTC());
    return new WecomSetup(settings, api, outbox);
  }

  @Override
  public ChatAdapter adapter() {
    return queued;
  }

  /** Mounts the callback routes ({@code serve} only). */
  @Override
  public void mount(Router router, ChatHandler handler, Executor blocking) {
    WecomCrypto app =
        settings
            .app()
            .map(a -> new WecomCrypto(a.token(), a.encodingAesKey(), a.corpId(), Clock.systemUTC()))
            .orElse(null);
    WecomCrypto aibot =
        settings
            .aibot()
            .map(b -> new WecomCrypto(b.token(), b.encodingAesKey(), "", Clock.systemUTC()))
            .orElse(null);
    new WecomRoutes(app, aibot, handler, api, blocking).mount(router);
  }

  @Override
  public void close() {}
}
