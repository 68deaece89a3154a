package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** Resource quantities (memory, cpu, storage) of a spec, read and printed without surprises. */
final class Quantities {
  private static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

  private Quantities() {}

  static Optional<Quantity> limit(Container c) {
    return quantity(c.getResources(), true, "memory");
  }

  static Optional<Quantity> request(Container c) {
    return quantity(c.getResources(), false, "memory");
  }

  static Optional<Quantity> quantity(ResourceRequirements r, boolean limits, String resource) {
    if (r == null) {
      return Optional.empty();
    }
    Map<String, Quantity> map = limits ? r.getLimits() : r.getRequests();
    return map == null ? Optional.empty() : Optional.ofNullable(map.get(resource));
  }

  /** "256Mi" as written in the spec. */
  static String text(Quantity q) {
    return Evidence.orDash(q.getAmount()) + (q.getFormat() == null ? "" : q.getFormat());
  }

  static Optional<BigDecimal> bytes(Quantity q) {
    try {
      return Optional.of(Quantity.getAmountInBytes(q));
    } catch (RuntimeException e) {
      return Optional.empty(); // a garbled quantity in a hand-written manifest
    }
  }

  /** Bytes in mebibytes, rounded up: "384Mi". */
  static String mebibytes(BigDecimal bytes) {
    return bytes.divide(MI, 0, RoundingMode.CEILING).toPlainString() + "Mi";
  }
}
