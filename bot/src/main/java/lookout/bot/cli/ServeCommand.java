package lookout.bot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import lookout.bot.wiring.LookoutServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the HTTP server and runs until stopped. */
@Command(name = "serve", description = "Start Lookout (the default command).")
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "HTTP port (default 8080 unless configured).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    return serve(common, port);
  }

  static int serve(CommonOptions common, Integer port) throws Exception {
    LookoutServer server = LookoutServer.start(common.load(port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "lookout-shutdown"));
    stopped.await();
    return 0;
  }
}
