package lookout.approvals;

import java.util.Objects;

/**
 * What a circuit breaker guards: one action kind on one object. Failures of a restart of {@code
 * staging/checkout} do not block scaling it, nor restarting anything else.
 */
public record BreakerKey(String kind, String cluster, String namespace, String name) {
  public BreakerKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  public static BreakerKey of(Action action) {
    return new BreakerKey(action.kind(), action.cluster(), action.namespace(), action.name());
  }

  /** {@code restart:sandbox/staging/checkout}: the primary key. */
  String id() {
    return kind + ":" + cluster + "/" + namespace + "/" + name;
  }

  /** {@code restart of staging/checkout on cluster sandbox}. */
  public String describe() {
    return kind + " of " + namespace + "/" + name + " on cluster " + cluster;
  }
}
