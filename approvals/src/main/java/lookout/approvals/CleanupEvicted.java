package lookout.approvals;

import java.util.Objects;

/**
 * Delete the Failed pods of a namespace (Evicted ones are Failed with reason Evicted), oldest
 * first, at most {@code max} of them.
 *
 * @param max how many pods at most; the policy's {@code maxPods} bounds it
 */
public record CleanupEvicted(String cluster, String namespace, int max) implements Operation {
  static final String KIND = "cleanup-evicted";

  /** How many a request asks for when the asker names no number. */
  public static final int DEFAULT_MAX = 100;

  public CleanupEvicted {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1, got " + max);
    }
  }

  /** No single object: the breaker guards the namespace's clean-up. */
  @Override
  public String name() {
    return "failed-pods";
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String describe() {
    return "delete up to " + max + " Evicted/Failed pods in " + namespace;
  }
}
