/**
 * Loki, the log store many teams run beside Prometheus: {@link lookout.agent.loki.LokiClient}
 * (bounded {@code query_range} and {@code labels} calls), {@link lookout.agent.loki.LokiLogs}
 * (error lines of pods the API server has no log for — evicted, deleted, replaced, finished — as a
 * fallback {@link lookout.agent.analyzers.LogSource}) and {@link lookout.agent.loki.LokiService}
 * (the {@code loki_query} tool's compact, redacted text).
 */
package lookout.agent.loki;
