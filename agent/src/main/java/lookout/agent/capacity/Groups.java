package lookout.agent.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Right-sizing totals per namespace, team or stack: where the waste (or the shortage) sits. */
final class Groups {
  private Groups() {}

  static List<String> lines(List<Sizing> sizings, Function<Sizing, String> key) {
    Map<String, double[]> totals = new TreeMap<>();
    for (Sizing s : sizings) {
      if (s.verdict() == Sizing.Verdict.NO_DATA) {
        continue;
      }
      double[] t = totals.computeIfAbsent(key.apply(s), k -> new double[4]);
      t[0] += s.verdict() == Sizing.Verdict.OVER ? s.freeCpu() : 0;
      t[1] += s.verdict() == Sizing.Verdict.OVER ? s.freeMemory() : 0;
      t[2] += s.verdict() == Sizing.Verdict.OVER ? 1 : 0;
      t[3] += s.verdict() == Sizing.Verdict.UNDER ? 1 : 0;
    }
    List<String> out = new ArrayList<>();
    totals.forEach(
        (k, t) ->
            out.add(
                k
                    + ": "
                    + (int) t[2]
                    + " over ("
                    + CapacityAnswers.cores(t[0])
                    + ", "
                    + CapacityAnswers.bytes(t[1])
                    + " to free), "
                    + (int) t[3]
                    + " under"));
    return out;
  }
}
