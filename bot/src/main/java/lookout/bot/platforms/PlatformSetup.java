package lookout.bot.platforms;

import io.vertx.ext.web.Router;
import java.util.concurrent.Executor;
import lookout.adapters.chat.ChatAdapter;
import lookout.adapters.chat.ChatHandler;

/**
 * One chat platform wired into Lookout (Slack, Feishu, WeCom): the adapter the bot posts through
 * (behind the shared outbox) and, for {@code serve}, how it starts receiving.
 */
public interface PlatformSetup extends AutoCloseable {
  /** What the bot posts through: every post and edit goes to the outbox first. */
  ChatAdapter adapter();

  /** Starts receiving: mounts the platform's webhook routes or connects its socket. */
  void mount(Router router, ChatHandler handler, Executor blocking);

  /** Stops receiving and releases the platform's clients; never throws. */
  @Override
  void close();
}
