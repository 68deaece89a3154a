package lookout.bot.alerts;

import java.util.List;

/**
 * What Lookout did with one notification, returned to Alertmanager as JSON.
 *
 * @param result {@code accepted}, {@code dropped} (a drop rule matched) or {@code unrouted} (no
 *     rule and no default destination)
 */
public record Outcome(
    String result,
    String group,
    List<String> destinations,
    List<String> changes,
    boolean analysis) {}
