package lookout.agent.capacity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A right-sizing verdict for one workload: suggested per-pod requests (CPU at p95 × 1.2; memory at
 * the peak × 1.15, because memory is not compressible and running short means OOMKilled) and the
 * memory limit (peak × 1.4), with what the change frees or needs across its replicas.
 *
 * @param freeCpu cores freed across replicas (negative: needed)
 * @param freeMemory bytes freed across replicas (negative: needed)
 */
public record Sizing(
    Usage usage,
    Verdict verdict,
    double suggestedCpuRequest,
    double suggestedMemoryRequest,
    double suggestedMemoryLimit,
    double freeCpu,
    double freeMemory,
    List<String> reasons) {

  public enum Verdict {
    OVER,
    UNDER,
    OK,
    NO_DATA
  }

  /** Less history than this and no verdict is given. */
  public static final Duration MIN_HISTORY = Duration.ofHours(24);

  static final double MIN_CPU_SAVING = 0.1;
  static final double MIN_MEMORY_SAVING = 128.0 * 1024 * 1024;
  static final double CPU_STEP = 0.01;
  static final double MEMORY_STEP = 16.0 * 1024 * 1024;

  public static Sizing of(Usage u) {
    if (u.history().compareTo(MIN_HISTORY) < 0 || u.cpuP95().isEmpty() || u.memoryMax().isEmpty()) {
      return new Sizing(
          u,
          Verdict.NO_DATA,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          0,
          List.of("only " + u.history().toHours() + "h of metrics; needs at least 24h"));
    }
    double cpuP95 = u.cpuP95().get();
    double memPeak = u.memoryMax().get();
    double cpu = roundUp(Math.max(cpuP95 * 1.2, CPU_STEP), CPU_STEP);
    double mem = roundUp(memPeak * 1.15, MEMORY_STEP);
    double memLimit = roundUp(memPeak * 1.4, MEMORY_STEP);
    List<String> under = new ArrayList<>();
    if (Double.isFinite(u.cpuRequest()) && cpuP95 > u.cpuRequest()) {
      under.add("CPU p95 above the request");
    }
    if (Double.isFinite(u.memoryLimit()) && memPeak > 0.9 * u.memoryLimit()) {
      under.add("memory peak above 90% of the limit");
    } else if (Double.isFinite(u.memoryRequest()) && memPeak > u.memoryRequest()) {
      under.add("memory peak above the request");
    }
    if (!Double.isFinite(u.cpuRequest()) || !Double.isFinite(u.memoryRequest())) {
      under.add("no requests set: the scheduler cannot place it safely");
    }
    double freeCpu = Double.isFinite(u.cpuRequest()) ? (u.cpuRequest() - cpu) * u.replicas() : 0;
    double freeMem =
        Double.isFinite(u.memoryRequest()) ? (u.memoryRequest() - mem) * u.replicas() : 0;
    Verdict verdict;
    List<String> reasons = new ArrayList<>(under);
    if (!under.isEmpty()) {
      verdict = Verdict.UNDER;
    } else if (overCpu(u, cpu) || overMemory(u, mem)) {
      verdict = Verdict.OVER;
      if (overCpu(u, cpu)) {
        reasons.add("CPU request at least twice the p95");
      }
      if (overMemory(u, mem)) {
        reasons.add("memory request at least twice the peak need");
      }
    } else {
      verdict = Verdict.OK;
    }
    return new Sizing(u, verdict, cpu, mem, memLimit, freeCpu, freeMem, reasons);
  }

  private static boolean overCpu(Usage u, double suggested) {
    return Double.isFinite(u.cpuRequest())
        && u.cpuRequest() >= 2 * suggested
        && u.cpuRequest() - suggested >= MIN_CPU_SAVING;
  }

  private static boolean overMemory(Usage u, double suggested) {
    return Double.isFinite(u.memoryRequest())
        && u.memoryRequest() >= 2 * suggested
        && u.memoryRequest() - suggested >= MIN_MEMORY_SAVING;
  }

  private static double roundUp(double v, double step) {
    return Math.ceil(v / step - 1e-9) * step;
  }
}
