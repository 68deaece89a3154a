package lookout.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lookout.bot.db.Database;

/**
 * What opening the database costs at start, now that it runs every owner's Flyway migrations: the
 * first open in a JVM (Flyway and SQLite loaded then) on a new SQLite file, then warm opens of a
 * new file and of an up-to-date one. Each run is a separate JVM on the classpath it is given — the
 * shaded jar, where Flyway lists migrations by reading the jar's entries, is what {@code java -jar}
 * starts. Run: {@code ./mvnw -pl bot -am -Pbench-db verify}, or {@code java -cp
 * bot/target/test-classes lookout.bot.bench.DatabaseOpenBenchmark bot/target/lookout.jar
 * bot/target/test-classes 5} (prints a Markdown table for docs/benchmarks.md).
 */
public final class DatabaseOpenBenchmark {
  private static final int WARM = 20;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Files.createTempDirectory("lookout-db-bench"));
      return;
    }
    // the classpath under test (e.g. bot/target/lookout.jar), then where this class is
    String classpath = args[0] + java.io.File.pathSeparator + args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<List<Long>> columns = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      columns.add(new ArrayList<>());
    }
    for (int r = 0; r < runs; r++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "--enable-native-access=ALL-UNNAMED",
                  "-cp",
                  classpath,
                  DatabaseOpenBenchmark.class.getName(),
                  "--child")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("benchmark child failed:\n" + out);
      }
      String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow();
      String[] v = line.substring("RESULT ".length()).split(" ");
      for (int i = 0; i < 6; i++) {
        columns.get(i).add(Long.parseLong(v[i]));
      }
    }
    System.out.println("| open | wall ms median | min | max | CPU ms median | samples |");
    System.out.println("|---|---|---|---|---|---|");
    String[] names = {"first in the JVM, new file", "warm, new file", "warm, up-to-date file"};
    for (int i = 0; i < 3; i++) {
      List<Long> wall = columns.get(2 * i);
      List<Long> cpu = columns.get(2 * i + 1);
      System.out.printf(
          "| %s | %d | %d | %d | %d | %d |%n",
          names[i], median(wall), Collections.min(wall), Collections.max(wall), median(cpu), runs);
    }
  }

  /** One JVM: prints "RESULT" and wall/CPU ms of the first open, then warm medians. */
  private static void child(Path dir) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] first = time(mx, dir.resolve("first"));
    List<Long> freshWall = new ArrayList<>();
    List<Long> freshCpu = new ArrayList<>();
    List<Long> againWall = new ArrayList<>();
    List<Long> againCpu = new ArrayList<>();
    for (int i = 0; i < WARM; i++) {
      long[] fresh = time(mx, dir.resolve("warm" + i));
      freshWall.add(fresh[0]);
      freshCpu.add(fresh[1]);
      long[] again = time(mx, dir.resolve("warm" + i));
      againWall.add(again[0]);
      againCpu.add(again[1]);
    }
    System.out.printf(
        "RESULT %d %d %d %d %d %d%n",
        first[0],
        first[1],
        median(freshWall),
        median(freshCpu),
        median(againWall),
        median(againCpu));
  }

  /** Wall and CPU milliseconds of one {@link Database#open} and close on {@code dataDir}. */
  private static long[] time(ThreadMXBean mx, Path dataDir) throws Exception {
    long cpu = mx.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    Database.open(null, dataDir).close();
    return new long[] {
      (System.nanoTime() - wall) / 1_000_000, (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000
    };
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
