package lookout.bot.platforms;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import lookout.adapters.outbox.Outbox;
import lookout.bot.config.LookoutConfig;

/** The chat platforms the config enables, each behind the one shared outbox. */
public final class Platforms {
  private Platforms() {}

  /** Slack, WeCom and Feishu when enabled, in that order; the caller closes them. */
  public static List<PlatformSetup> open(LookoutConfig config, DataSource db, Outbox outbox) {
    List<PlatformSetup> out = new ArrayList<>();
    if (config.slack().enabled()) {
      out.add(SlackSetup.open(config.slack(), outbox));
    }
    if (config.wecom().enabled()) {
      out.add(WecomSetup.open(config.wecom(), db, outbox));
    }
    if (config.feishu().enabled()) {
      out.add(FeishuSetup.open(config.feishu(), outbox));
    }
    return out;
  }
}
