package lookout.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The bot's meter registry and its own counters. One instance per process; the HTTP meters are
 * added by Vert.x through the same registry.
 */
public final class BotMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public BotMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  public void question(String platform) {
    counter("lookout_questions", "Questions received", "platform", platform).increment();
  }

  public void answer(String platform, boolean degraded) {
    counter(
            "lookout_answers",
            "Answers posted",
            "platform",
            platform,
            "degraded",
            String.valueOf(degraded))
        .increment();
  }

  /**
   * @param outcome requested, approved, rejected, refused, expired, invalid, already_decided
   */
  public void approval(String outcome) {
    counter("lookout_approvals", "Approval events by outcome", "outcome", outcome).increment();
  }

  /**
   * @param result succeeded or failed
   */
  public void execution(String kind, String result) {
    counter(
            "lookout_action_executions",
            "Approved actions executed",
            "kind",
            kind,
            "result",
            result)
        .increment();
  }

  private Counter counter(String name, String help, String... tags) {
    return Counter.builder(name).description(help).tags(tags).register(registry);
  }
}
