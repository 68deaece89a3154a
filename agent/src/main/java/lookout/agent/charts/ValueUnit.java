package lookout.agent.charts;

import java.util.Locale;

/** How a chart's values are labelled. */
public enum ValueUnit {
  BYTES,
  CORES,
  PERCENT,
  COUNT;

  /** "512Mi", "1.5Gi", "250m", "0.5", "87%", "12". */
  public String format(double v) {
    return switch (this) {
      case BYTES -> bytes(v);
      case CORES -> v < 1 && v > 0 ? Math.round(v * 1000) + "m" : trim(v);
      case PERCENT -> trim(v) + "%";
      case COUNT -> trim(v);
    };
  }

  private static String bytes(double v) {
    String[] units = {"B", "Ki", "Mi", "Gi", "Ti", "Pi"};
    int i = 0;
    double x = Math.abs(v);
    while (x >= 1024 && i < units.length - 1) {
      x /= 1024;
      i++;
    }
    return (v < 0 ? "-" : "") + trim(x) + units[i];
  }

  private static String trim(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.valueOf((long) Math.rint(v));
    }
    String format = Math.abs(v) >= 100 ? "%.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f";
    String text = String.format(Locale.ROOT, format, v);
    return text.contains(".") ? text.replaceAll("\\.?0+$", "") : text;
  }
}
