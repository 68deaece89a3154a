package lookout.agent.metrics;

import java.util.Locale;

/** How to print a value so it reads like kubectl: bytes as Mi/Gi, CPU as millicores. */
public enum Unit {
  BYTES,
  CORES,
  PLAIN;

  /** A guess from the query text: good enough for the common container/node metrics. */
  public static Unit guess(String promql) {
    String q = promql.toLowerCase(Locale.ROOT);
    if (q.contains("bytes")) {
      return BYTES;
    }
    if (q.contains("cpu")) {
      return CORES;
    }
    return PLAIN;
  }

  public String format(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return switch (this) {
      case BYTES -> {
        double a = Math.abs(v);
        if (a >= 1L << 30) {
          yield String.format(Locale.ROOT, "%.2fGi", v / (1L << 30));
        }
        if (a >= 1L << 20) {
          yield String.format(Locale.ROOT, "%.0fMi", v / (1L << 20));
        }
        yield String.format(Locale.ROOT, "%.0fKi", v / 1024);
      }
      case CORES -> String.format(Locale.ROOT, "%.0fm", v * 1000);
      case PLAIN ->
          v == Math.rint(v) && Math.abs(v) < 1e12
              ? String.valueOf((long) v)
              : String.format(Locale.ROOT, "%.3g", v);
    };
  }
}
