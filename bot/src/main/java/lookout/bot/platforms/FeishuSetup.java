package lookout.bot.platforms;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.concurrent.Executor;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;
import lookout.adapters.feishu.CardEcho;
import lookout.adapters.feishu.FeishuAdapter;
import lookout.adapters.feishu.FeishuCrypto;
import lookout.adapters.feishu.FeishuDispatch;
import lookout.adapters.feishu.FeishuLongConnection;
import lookout.adapters.feishu.FeishuRequestVerifier;
import lookout.adapters.feishu.FeishuRoutes;
import lookout.adapters.outbox.Outbox;
import lookout.bot.config.FeishuSettings;

/**
 * Feishu wired into Lookout when {@code feishu.enabled}: the open API adapter behind the persistent
 * outbox (the bot only ever sees the queued adapter, wrapped so card callbacks can answer with the
 * edited card) and, in {@code mode: webhook}, the encrypted and signed {@code /feishu/events}
 * route, or in {@code mode: longconnection} the SDK's WebSocket client.
 */
public final class FeishuSetup implements PlatformSetup {
  private final FeishuSettings settings;
  private final CardEcho queued;
  private FeishuLongConnection socket;

  private FeishuSetup(FeishuSettings settings, FeishuAdapter api, Outbox outbox) {
    this.settings = settings;
    this.queued = new CardEcho(outbox.wrap(api));
  }

  static FeishuSetup open(FeishuSettings settings, Outbox outbox) {
    FeishuAdapter api =
        new FeishuAdapter(
            settings.appId(), settings.appSecret(), settings.apiUrl(), Clock.systemUTC());
    return new FeishuSetup(settings, api, outbox);
  }

  @Override
  public ChatAdapter adapter() {
    return queued;
  }

  /**
   * Starts receiving (only {@code serve} calls this): mounts {@code POST /feishu/events} ({@code
   * mode: webhook}) or opens the long connection ({@code mode: longconnection}), throwing when
   * Feishu refuses the app's credentials or cannot be reached.
   */
  @Override
  public void mount(Router router, ChatHandler handler, Executor blocking) {
    FeishuDispatch dispatch = new FeishuDispatch(settings.botOpenId(), handler, queued, blocking);
    if (settings.mode() == FeishuSettings.Mode.WEBHOOK) {
      FeishuCrypto crypto = new FeishuCrypto(settings.encryptKey());
      new FeishuRoutes(
              new FeishuRequestVerifier(crypto, settings.verificationToken(), Clock.systemUTC()),
              dispatch,
              blocking)
          .mount(router);
      return;
    }
    socket =
        new FeishuLongConnection(
            settings.appId(), settings.appSecret(), settings.apiUrl(), dispatch);
    try {
      socket.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "while opening the Feishu long connection at "
              + settings.apiUrl()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.close();
    }
  }
}
