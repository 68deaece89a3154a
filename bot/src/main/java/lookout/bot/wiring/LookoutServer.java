package lookout.bot.wiring;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lookout.adapters.console.ConsoleAdapter;
import lookout.adapters.console.ConsoleRoutes;
import lookout.bot.config.LookoutConfig;
import lookout.bot.http.AddressLimiter;
import lookout.bot.http.Blocking;
import lookout.bot.http.ConnectionGuard;
import lookout.bot.http.HttpApi;
import lookout.bot.http.HttpLimits;
import lookout.bot.http.KnowledgeRoutes;
import lookout.bot.http.Listener;
import lookout.bot.metrics.BotMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lookout serve}: Lookout's components behind a Vert.x HTTP server, plus the timer that
 * expires stale approval requests.
 */
public final class LookoutServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LookoutServer.class);

  private final Vertx vertx;
  private final Lookout lookout;
  private final ConsoleAdapter console;
  private final HttpServer http;

  private LookoutServer(Vertx vertx, Lookout lookout, ConsoleAdapter console, HttpServer http) {
    this.vertx = vertx;
    this.lookout = lookout;
    this.console = console;
    this.http = http;
  }

  public static LookoutServer start(LookoutConfig config) throws Exception {
    long started = System.nanoTime();
    BotMetrics metrics = new BotMetrics();
    Vertx vertx =
        Vertx.builder()
            .with(
                new VertxOptions()
                    .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
            .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
            .build();
    ConsoleAdapter console = new ConsoleAdapter();
    Lookout lookout = null;
    try {
      ConfiguredChannels.reserve(console, config);
      lookout = Lookout.open(config, metrics, console);
      Blocking blocking = new Blocking(lookout.work());
      Lookout wired = lookout;
      HttpLimits limits = config.server().limits();
      ConnectionGuard connections = new ConnectionGuard(vertx, limits);
      connections.bind(metrics.registry());
      AddressLimiter perAddress = new AddressLimiter(limits, Clock.systemUTC());
      perAddress.bind(metrics.registry());
      var router =
          HttpApi.router(
              vertx,
              metrics,
              lookout.readiness(),
              blocking,
              new HttpApi.Protection(connections, perAddress, unauthenticated(config)),
              r -> {
                wired.platforms().forEach(p -> p.mount(r, wired.conversations(), wired.work()));
                new KnowledgeRoutes(wired.knowledge(), blocking).mount(vertx, r);
                wired.alerts().ifPresent(a -> a.mount(r, config.server().loopback(), wired.work()));
                wired.mcpServer().ifPresent(m -> m.mount(r));
                if (config.console().enabled()) {
                  new ConsoleRoutes(
                          console,
                          wired.conversations(),
                          config.console().accessToken().orElse(null),
                          wired.work())
                      .mount(r);
                }
              });
      HttpServer http =
          Listener.listen(
              vertx, config.server().host(), config.server().port(), limits, connections, router);
      long every = Math.max(1000, config.approvals().expiryCheck().toMillis());
      vertx.setPeriodic(
          every,
          id ->
              wired
                  .work()
                  .execute(
                      () -> {
                        try {
                          // One replica at a time runs the timers (docs/deploy.md, "Several
                          // replicas"); the others take over within database.leaderLease.
                          wired.leadership().ifLeader(wired.conversations()::expireDue);
                        } catch (RuntimeException e) {
                          log.error("while expiring approval requests", e);
                        }
                      }));
      lookout.markStarted();
      log.info(
          "Lookout listening on http://{}:{}/ (started in {} ms, config: {})",
          config.server().host(),
          http.actualPort(),
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          config.source());
      return new LookoutServer(vertx, lookout, console, http);
    } catch (Exception e) {
      if (lookout != null) {
        lookout.close();
      }
      vertx.close();
      throw e;
    }
  }

  /**
   * Routes anyone may call without credentials, limited per client address: readiness (a database
   * and cluster round trip), metrics, knowledge search, and the console when it has no token.
   */
  private static List<String> unauthenticated(LookoutConfig config) {
    List<String> paths = new ArrayList<>(List.of("/readyz", "/metrics", "/api/knowledge/*"));
    if (config.console().enabled() && config.console().accessToken().isEmpty()) {
      paths.add("/api/console/*");
    }
    return paths;
  }

  public int port() {
    return http.actualPort();
  }

  public ConsoleAdapter console() {
    return console;
  }

  public Lookout lookout() {
    return lookout;
  }

  @Override
  public void close() {
    try {
      http.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("while closing the HTTP server", e);
    }
    lookout.close();
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("while closing Vert.x", e);
    }
  }
}
