package lookout.approvals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster the way {@code .ci/postgres.sh} starts one (Debian's {@code
 * postgresql}, {@code initdb} in a temp dir as the postgres user when run as root, loopback only,
 * no fsync), owned by the benchmark so it can restart it. Needs {@code
 * /usr/lib/postgresql/<version>/bin}.
 */
final class LocalPostgres implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;

  private LocalPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static LocalPostgres start() throws Exception {
    Path bin;
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      bin =
          versions
              .map(v -> v.resolve("bin"))
              .filter(b -> Files.isExecutable(b.resolve("initdb")))
              .max(Comparator.comparing(Path::toString))
              .orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/*/bin/initdb"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "PostgreSQL is needed (apt-get install postgresql): " + e.getMessage(), e);
    }
    Path dir = Files.createTempDirectory("lookout-pg-bench");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, port);
    if (root()) {
      pg.run("chown", "postgres", dir.toString());
    }
    pg.asPostgres(
        bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "-U",
        "postgres",
        "-A",
        "trust",
        "--no-sync",
        "-E",
        "UTF8");
    pg.ctl("start");
    return pg;
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
  }

  int port() {
    return port;
  }

  /**
   * {@code pg_ctl restart -m fast}: every connection is cut, the server is back when it returns.
   */
  void restart() throws Exception {
    ctl("restart");
  }

  private void ctl(String what) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-m",
                "fast",
                "-w"));
    cmd.add(what);
    if (!what.equals("stop")) {
      cmd.add("-o");
      cmd.add(
          "-c listen_addresses=127.0.0.1 -p "
              + port
              + " -k "
              + dir
              + " -c fsync=off -c max_connections=200");
    }
    asPostgres(cmd.toArray(String[]::new));
  }

  private void asPostgres(String... cmd) throws Exception {
    List<String> full = new ArrayList<>();
    if (root()) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(cmd));
    run(full.toArray(String[]::new));
  }

  private void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() {
    try {
      ctl("stop");
      run("rm", "-rf", dir.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("while stopping PostgreSQL in " + dir, e);
    }
  }
}
