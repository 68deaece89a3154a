package lookout.agent.metrics;

import java.util.Map;

/**
 * "Will it run out": where {@code predict_linear} puts a series at the horizon, against its limit.
 *
 * @param limit the limit (memory limit, or 0 for "available bytes reach zero"); NaN when unknown
 */
public record Forecast(
    Map<String, String> labels, String labelText, double now, double predicted, double limit) {
  public boolean runsOut() {
    return !Double.isNaN(limit) && predicted >= limit;
  }
}
