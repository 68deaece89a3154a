package lookout.agent.inspect;

import java.util.Optional;

/**
 * Writes the short prose summary put on top of a check-up when a model is configured. Optional by
 * design: the deterministic headline always stands alone, so any failure is just "no summary".
 */
public interface ReportWriter {
  /**
   * @param report the report as text, secrets already removed
   * @param chinese true when the check-up was asked for in Chinese
   */
  Optional<String> summarize(String report, boolean chinese);

  ReportWriter NONE = (report, chinese) -> Optional.empty();
}
