package lookout.bot.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Alerts' meters on {@code /metrics}. Labels stay bounded: {@code result}, {@code kind} and {@code
 * outcome} are fixed words; {@code platform} is one of the registered chat adapters and {@code
 * destination} one of the destinations the routing table names (never a group key or label value
 * from a payload).
 *
 * <ul>
 *   <li>{@code lookout_alert_notifications_total{result}}: accepted, deferred, dropped, unrouted,
 *       unauthorized, bad_request, too_large, unsupported_media_type, unavailable
 *   <li>{@code lookout_alert_posts_total{platform,kind}}: root, reply, analysis, edit, storm
 *   <li>{@code lookout_alert_post_failures_total{platform}}
 *   <li>{@code lookout_alert_lane_backlog{destination}}: alert groups waiting in the lane
 *   <li>{@code lookout_alert_analyses_total{outcome}}: posted, failed, over_budget, acknowledged
 *   <li>{@code lookout_alert_incidents_total{outcome}}: recorded, failed
 * </ul>
 */
final class AlertMeters {
  private final MeterRegistry registry;

  AlertMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void notification(String result) {
    counter("lookout_alert_notifications", "Alertmanager notifications by result", "result", result)
        .increment();
  }

  /**
   * @param kind root, reply, analysis, edit or storm
   */
  void post(String platform, String kind) {
    counter(
            "lookout_alert_posts",
            "Alert messages posted or edited, by platform and kind",
            "platform",
            platform,
            "kind",
            kind)
        .increment();
  }

  void postFailure(String platform) {
    counter(
            "lookout_alert_post_failures",
            "Alert posts or edits a platform refused (not retried)",
            "platform",
            platform)
        .increment();
  }

  <T> void backlog(String destination, T lane, ToDoubleFunction<T> pending) {
    Gauge.builder("lookout_alert_lane_backlog", lane, pending)
        .description("Alert groups waiting in a destination's lane")
        .tag("destination", destination)
        .register(registry);
  }

  /**
   * @param outcome posted, failed or over_budget
   */
  void analysis(String outcome) {
    counter("lookout_alert_analyses", "Alert analyses by outcome", "outcome", outcome).increment();
  }

  /**
   * @param outcome recorded or failed
   */
  void incident(String outcome) {
    counter("lookout_alert_incidents", "Incident records written on resolve", "outcome", outcome)
        .increment();
  }

  private Counter counter(String name, String help, String... tags) {
    return Counter.builder(name).description(help).tags(tags).register(registry);
  }
}
