package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap or memory ceiling a container's runtime starts with, read from its command, args and
 * environment: the JVM's -Xmx or -XX:MaxRAMPercentage (in {@code JAVA_TOOL_OPTIONS}, {@code
 * JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}, {@code JAVA_OPTS} or any variable holding JVM flags),
 * Node.js's {@code --max-old-space-size} (in args or {@code NODE_OPTIONS}) and Go's {@code
 * GOMEMLIMIT}; and how it compares with the memory limit: a heap at or near the limit leaves no
 * room for the rest of the process, so the kernel kills it before its collector runs.
 *
 * @param xmx the flag as written ("-Xmx2g", "--max-old-space-size=4096", "GOMEMLIMIT=3GiB"), or
 *     null
 * @param xmxBytes its size
 * @param maxRamPercentage -XX:MaxRAMPercentage, or null
 * @param source where the flag was found ("env JAVA_OPTS", "args")
 * @param runtime "JVM heap", "Node.js heap" or "Go memory limit", as answers name it
 */
record RuntimeHeap(
    String xmx, BigDecimal xmxBytes, String maxRamPercentage, String source, String runtime) {
  private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgGtT]?)\\b");

  /** Node.js: --max-old-space-size=4096 (MiB), in args or NODE_OPTIONS. */
  private static final Pattern NODE = Pattern.compile("--max[-_]old[-_]space[-_]size=(\\d+)");

  /** Go: GOMEMLIMIT=3GiB (a soft limit the runtime's collector works towards). */
  private static final Pattern GO = Pattern.compile("^(\\d+)(B|KiB|MiB|GiB|TiB)$");

  private static final String JVM = "JVM heap";
  private static final Pattern PERCENT = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");

  /** The heap settings of {@code c}, or empty when it sets none. */
  static Optional<RuntimeHeap> of(Container c) {
    List<String[]> places = new ArrayList<>();
    if (c.getCommand() != null) {
      places.add(new String[] {"command", String.join(" ", c.getCommand())});
    }
    if (c.getArgs() != null) {
      places.add(new String[] {"args", String.join(" ", c.getArgs())});
    }
    if (c.getEnv() != null) {
      for (EnvVar e : c.getEnv()) {
        if (e.getValue() != null) {
          places.add(new String[] {"env " + e.getName(), e.getValue()});
        }
      }
    }
    String xmx = null;
    BigDecimal bytes = null;
    String percent = null;
    String source = null;
    String runtime = JVM;
    for (String[] place : places) {
      Matcher node = NODE.matcher(place[1]);
      while (node.find()) {
        xmx = node.group();
        bytes = bytes(node.group(1), "m");
        source = place[0];
        runtime = "Node.js heap";
      }
      if (place[0].equals("env GOMEMLIMIT")) {
        Matcher go = GO.matcher(place[1].strip());
        if (go.matches()) {
          xmx = "GOMEMLIMIT=" + place[1].strip();
          bytes = bytes(go.group(1), go.group(2).substring(0, 1).replace("B", ""));
          source = place[0];
          runtime = "Go memory limit";
        }
      }
      Matcher m = XMX.matcher(place[1]);
      while (m.find()) { // the last -Xmx wins, as in the JVM
        xmx = m.group();
        bytes = bytes(m.group(1), m.group(2));
        source = place[0];
      }
      Matcher p = PERCENT.matcher(place[1]);
      if (p.find() && xmx == null) {
        percent = p.group(1);
        source = place[0];
      }
    }
    if (xmx == null && percent == null) {
      return Optional.empty();
    }
    return Optional.of(new RuntimeHeap(xmx, bytes, percent, source, runtime));
  }

  /** How the heap compares with {@code limitBytes}, or empty when it leaves room. */
  Optional<String> problem(BigDecimal limitBytes, String limitText) {
    if (xmxBytes != null && limitBytes != null && limitBytes.signum() > 0) {
      if (xmxBytes.compareTo(limitBytes) >= 0) {
        return Optional.of(
            runtime + " " + xmx + " (" + source + ") is at or above the memory limit " + limitText);
      }
      if (xmxBytes.compareTo(limitBytes.multiply(BigDecimal.valueOf(0.8))) > 0) {
        return Optional.of(
            runtime
                + " "
                + xmx
                + " ("
                + source
                + ") leaves only "
                + Quantities.mebibytes(limitBytes.subtract(xmxBytes))
                + " of the "
                + limitText
                + " limit for metaspace, threads and native memory");
      }
    }
    if (xmx == null && maxRamPercentage != null && Double.parseDouble(maxRamPercentage) > 80) {
      return Optional.of(
          "-XX:MaxRAMPercentage="
              + maxRamPercentage
              + " ("
              + source
              + ") gives the heap almost all of the "
              + limitText
              + " limit");
    }
    return Optional.empty();
  }

  /** "set -Xmx768m (75% of 1Gi) in env JAVA_OPTS, or raise the limit to 2048Mi". */
  String fix(BigDecimal limitBytes, String container) {
    String where = source == null ? "the JVM options" : source;
    if (limitBytes == null || limitBytes.signum() <= 0) {
      return "set a memory limit on " + container + " and size the heap to 75% of it";
    }
    BigDecimal heap = limitBytes.multiply(BigDecimal.valueOf(0.75));
    if (!runtime.equals(JVM)) {
      String size = Quantities.mebibytes(heap);
      String flag =
          runtime.startsWith("Node")
              ? "--max-old-space-size=" + size.replace("Mi", "")
              : "GOMEMLIMIT=" + size + "B";
      return "set "
          + flag
          + " (75% of the limit) in "
          + where
          + " of container "
          + container
          + (xmxBytes == null
              ? ""
              : ", or raise the memory limit to at least "
                  + Quantities.mebibytes(xmxBytes.multiply(BigDecimal.valueOf(1.33))));
    }
    String raise =
        xmxBytes == null
            ? ""
            : ", or raise the memory limit to at least "
                + Quantities.mebibytes(xmxBytes.multiply(BigDecimal.valueOf(1.33)));
    return "set -Xmx"
        + Quantities.mebibytes(heap).replace("Mi", "m")
        + " (75% of the limit) in "
        + where
        + " of container "
        + container
        + raise
        + " (or use -XX:MaxRAMPercentage=75 instead of -Xmx)";
  }

  private static BigDecimal bytes(String number, String unit) {
    long n = Long.parseLong(number);
    long mult =
        switch (unit.toLowerCase(java.util.Locale.ROOT)) {
          case "k" -> 1024L;
          case "m" -> 1024L * 1024;
          case "g" -> 1024L * 1024 * 1024;
          case "t" -> 1024L * 1024 * 1024 * 1024;
          default -> 1L;
        };
    return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(mult));
  }
}
