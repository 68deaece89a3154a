/**
 * Metrics for answers, alerts and capacity questions: {@link lookout.agent.metrics.MetricsSource}
 * (the Prometheus HTTP API via {@link lookout.agent.metrics.PrometheusClient}, or plausible series
 * for the sandbox via {@link lookout.agent.metrics.SandboxMetrics}), PromQL validation and bounds,
 * and {@link lookout.agent.metrics.MetricsService}: summaries instead of raw series.
 */
package lookout.agent.metrics;
