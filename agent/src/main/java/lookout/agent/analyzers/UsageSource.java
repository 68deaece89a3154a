package lookout.agent.analyzers;

import java.util.OptionalLong;

/**
 * Memory usage of a container, for the OOMKilled analyzer. Optional: until metrics are wired the
 * analyzer gets none and says "usage unknown".
 */
public interface UsageSource {
  /**
   * The highest working-set memory of the container over a recent window, in bytes.
   *
   * @return empty when there is no data; never throws for a missing series
   */
  OptionalLong peakMemoryBytes(String namespace, String pod, String container);
}
