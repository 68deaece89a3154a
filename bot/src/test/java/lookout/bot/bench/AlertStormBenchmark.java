package lookout.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.adapters.chat.Pace;
import lookout.adapters.chat.Part;
import lookout.adapters.feishu.FeishuAdapter;
import lookout.adapters.slack.SlackAdapter;
import lookout.adapters.wecom.WecomAdapter;
import lookout.bot.alerts.AlertRouter;
import lookout.bot.alerts.AlertsHarness;
import lookout.bot.alerts.Destination;
import lookout.bot.alerts.LabelMatcher;
import lookout.bot.alerts.LaneStats;
import lookout.bot.alerts.Notification;
import lookout.bot.alerts.Notifications;
import lookout.bot.alerts.RecordingChat;

/**
 * Alert storm: {@code groups} alert groups of {@code perGroup} alerts (default 200 × 50 = 10,000)
 * posted over HTTP at {@code POST /alertmanager} as Alertmanager would send them — each group grows
 * in five notifications, is repeated once unchanged, then resolves — routed to four platforms with
 * the limits their real adapters declare, kept by a real outbox (recording fakes stand in for the
 * chat APIs). Reports posts and edits per destination, time to drain, the peak rate each channel
 * saw, memory, and checks nothing was lost (every group has exactly one root, edited to resolved
 * with all its alerts).
 *
 * <p>Run: see docs/benchmarks.md ("Alert storm").
 */
public final class AlertStormBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long JITTER_NANOS = 10_000_000;

  public static void main(String[] args) throws Exception {
    int groups = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int perGroup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    // Each fake declares the limits the real adapter declares (the outbox keeps them); the console
    // has none and, as in Lookout, is not behind the outbox.
    SlackAdapter slack = new SlackAdapter("xoxb-bench", "http://127.0.0.1:9/");
    FeishuAdapter feishu =
        new FeishuAdapter("cli_bench", "bench-secret", "http://127.0.0.1:9", Clock.systemUTC());
    WecomAdapter wecom =
        new WecomAdapter(
            "http://127.0.0.1:9/",
            Optional.empty(),
            Map.of("payments", "bench-robot-key"),
            Clock.systemUTC());
    Map<String, RecordingChat> chats = new LinkedHashMap<>();
    chats.put("console", new RecordingChat("console"));
    chats.put("slack", new RecordingChat("slack", slack::pace));
    chats.put("feishu", new RecordingChat("feishu", feishu::pace));
    chats.put("wecom", new RecordingChat("wecom", wecom::pace));
    List<AlertRouter.Rule> routes =
        List.of(
            rule("severity=critical", "slack:C0ONCALL"),
            rule("namespace=~prod-.*", "feishu:oc_prod"),
            rule("team=payments", "wecom:robot:payments"));
    Path dir = Files.createTempDirectory("alert-storm");
    try (AlertsHarness h =
        new AlertsHarness(
            dir,
            AlertsHarness.settings(routes, List.of(Destination.parse("console:alerts")), 20, 3),
            chats)) {
      Vertx vertx = Vertx.vertx();
      Router router = Router.router(vertx);
      h.alerts.mount(router, true, Executors.newVirtualThreadPerTaskExecutor());
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(router)
              .listen(0, "127.0.0.1")
              .await(10, TimeUnit.SECONDS);
      URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/alertmanager");

      List<List<Notification>> rounds = rounds(groups, perGroup);
      HttpClient http =
          HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
      Semaphore inFlight = new Semaphore(32);
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger failed = new AtomicInteger();
      long start = System.nanoTime();
      int sent = 0;
      for (List<Notification> round : rounds) {
        for (Notification n : round) {
          inFlight.acquire();
          sent++;
          long t0 = System.nanoTime();
          http.sendAsync(
                  HttpRequest.newBuilder(uri)
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer harness-token-0123456789")
                      .POST(HttpRequest.BodyPublishers.ofString(json(n)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    latencies.add(System.nanoTime() - t0);
                    if (e != null || r.statusCode() != 200) {
                      failed.incrementAndGet();
                    }
                    inFlight.release();
                  });
        }
        inFlight.acquire(32);
        inFlight.release(32);
      }
      double postSeconds = (System.nanoTime() - start) / 1e9;
      boolean drained = h.drain(900);
      double drainSeconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf(
          Locale.ROOT,
          "%d alerts in %d groups: %d webhooks in %.1f s (%d failed), webhook p50 %.1f ms, p99 %.1f ms%n",
          groups * perGroup,
          groups,
          sent,
          postSeconds,
          failed.get(),
          sorted.get(sorted.size() / 2) / 1e6,
          sorted.get((int) (sorted.size() * 0.99)) / 1e6);
      System.out.printf(
          Locale.ROOT, "drained: %s after %.1f s from the first webhook%n", drained, drainSeconds);
      System.out.println(
          "| destination | limit | groups | root posts | thread replies | edits | coalesced | storm summaries | busiest window per declared limit | last message at (s) |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      int lost = 0;
      int resolvedAlerts = 0;
      for (LaneStats s : h.alerts.lanes().stats()) {
        Destination d = Destination.parse(s.destination());
        RecordingChat chat = chats.get(d.platform());
        var calls = chat.calls().stream().filter(c -> c.channel().equals(d.channel())).toList();
        var roots =
            chat.roots(d.channel()).stream()
                .filter(c -> !c.message().summary().contains("Alert storm"))
                .toList();
        long replies =
            calls.stream().filter(c -> c.kind().equals("post") && c.thread() != null).count();
        long edits = calls.stream().filter(c -> c.kind().equals("edit")).count();
        double last = calls.isEmpty() ? 0 : (calls.get(calls.size() - 1).nanos() - start) / 1e9;
        for (var root : roots) {
          var current = chat.current(root.id());
          if (!current.summary().startsWith("✅ RESOLVED")) {
            lost++;
          }
          resolvedAlerts += resolvedCount(current);
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %d | %d | %d | %d | %d | %s | %.0f |%n",
            s.destination(),
            limit(chat, d),
            roots.size(),
            roots.size(),
            replies,
            edits,
            s.coalesced(),
            s.stormSummaries(),
            busiest(chat, d, calls),
            last);
      }
      System.out.printf(
          Locale.ROOT,
          "lost: %d groups not resolved in chat; alerts shown resolved: %d of %d; destinations: %d;"
              + " heap after GC %d MB, peak RSS %s%n",
          lost,
          resolvedAlerts,
          groups * perGroup,
          h.alerts.lanes().stats().size(),
          heap,
          peakRss());
      server.close();
      vertx.close();
    } finally {
      slack.close();
    }
  }

  /** The tightest limit the platform declares for the channel, e.g. "5/1s", or "none". */
  private static String limit(RecordingChat chat, Destination d) {
    return chat.pace(Pace.Kind.POST, d.conversation(), lookout.adapters.chat.Message.text(""))
        .tightest()
        .map(l -> l.messages() + "/" + l.per().toString().substring(2).toLowerCase(Locale.ROOT))
        .orElse("none");
  }

  /**
   * For every limit the platform declares for what was sent into {@code d}, the most sends counted
   * against it in any one of its windows, as "sent/allowed per window" ("over!" when above).
   */
  private static String busiest(RecordingChat chat, Destination d, List<RecordingChat.Call> calls) {
    Map<Pace.Limit, List<Long>> sent = new LinkedHashMap<>();
    for (RecordingChat.Call c : calls) {
      Pace pace =
          chat.pace(
              c.kind().equals("edit") ? Pace.Kind.EDIT : Pace.Kind.POST,
              new lookout.adapters.chat.ConversationRef(d.platform(), c.channel(), c.thread()),
              c.message());
      for (Pace.Limit l : pace.limits()) {
        for (int i = 0; i < Math.min(pace.sends(), l.messages()); i++) {
          sent.computeIfAbsent(l, k -> new ArrayList<>()).add(c.nanos());
        }
      }
    }
    if (sent.isEmpty()) {
      return "no limit declared";
    }
    List<String> out = new ArrayList<>();
    sent.forEach(
        (l, times) -> {
          Collections.sort(times);
          // Counted where the fake received them, so allow for the outbox counting in whole
          // milliseconds and for thread-scheduling jitter between its count and the send.
          long window = l.per().toNanos() - JITTER_NANOS;
          int peak = 0;
          for (int start = 0, end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
              start++;
            }
            peak = Math.max(peak, end - start + 1);
          }
          out.add(
              l.key().replaceAll(":.*", "")
                  + " "
                  + peak
                  + "/"
                  + l.messages()
                  + " per "
                  + l.per().toString().substring(2).toLowerCase(Locale.ROOT)
                  + (peak > l.messages() ? " over!" : ""));
        });
    return String.join(", ", out);
  }

  private static int resolvedCount(lookout.adapters.chat.Message m) {
    for (Part p : m.parts()) {
      if (p instanceof Part.Facts f) {
        for (Part.Fact fact : f.facts()) {
          if (fact.label().equals("Alerts")) {
            var matcher = java.util.regex.Pattern.compile("(\\d+) resolved").matcher(fact.value());
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
          }
        }
      }
    }
    return 0;
  }

  private static AlertRouter.Rule rule(String match, String to) {
    return new AlertRouter.Rule(
        LabelMatcher.parseAll(match), List.of(Destination.parse(to)), false, false);
  }

  /** Round r holds the r-th notification of every group, as a storm arrives. */
  static List<List<Notification>> rounds(int groups, int perGroup) {
    List<List<Notification>> rounds = new ArrayList<>();
    for (int r = 0; r < 7; r++) {
      rounds.add(new ArrayList<>());
    }
    Instant start = Instant.parse("2026-11-22T02:00:00Z");
    for (int g = 0; g < groups; g++) {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put(
          "alertname",
          g % 3 == 0
              ? "KubePodCrashLooping"
              : g % 3 == 1 ? "KubePodNotReady" : "KubeContainerWaiting");
      labels.put("namespace", g < 120 ? "prod-" + g % 7 : "staging-" + g % 5);
      labels.put("deployment", "svc-" + g);
      labels.put("severity", g < 40 ? "critical" : "warning");
      if (g >= 180) {
        labels.put("team", "payments");
      }
      String key = "{}:{alertname=\"" + labels.get("alertname") + "\",group=\"" + g + "\"}";
      for (int step = 1; step <= 5; step++) {
        int firing = perGroup * step / 5;
        rounds.get(step - 1).add(Notifications.group(key, labels, firing, firing, start));
      }
      rounds.get(5).add(Notifications.group(key, labels, perGroup, perGroup, start));
      rounds.get(6).add(Notifications.group(key, labels, 0, perGroup, start));
    }
    return rounds;
  }

  /** The webhook body Alertmanager would send for {@code n}. */
  static String json(Notification n) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("groupKey", n.groupKey());
    body.put("status", n.status());
    body.put("receiver", n.receiver());
    body.put("groupLabels", n.groupLabels());
    body.put("commonLabels", n.commonLabels());
    body.put("commonAnnotations", n.commonAnnotations());
    body.put("externalURL", n.externalUrl());
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (var a : n.alerts()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("status", a.status());
      m.put("labels", a.labels());
      m.put("annotations", a.annotations());
      m.put("startsAt", a.startsAt().toString());
      m.put("endsAt", a.endsAt() == null ? "0001-01-01T00:00:00Z" : a.endsAt().toString());
      m.put("generatorURL", a.generatorUrl());
      m.put("fingerprint", a.fingerprint());
      alerts.add(m);
    }
    body.put("alerts", alerts);
    return JSON.writeValueAsString(body);
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(6).strip())
          .findFirst()
          .orElse("?");
    } catch (Exception e) {
      return "?";
    }
  }
}
