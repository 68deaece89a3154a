package lookout.agent.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import lookout.agent.Agent;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.chain.AgentBuilder;
import lookout.agent.llm.AgentMetrics;
import lookout.agent.llm.FakeOpenAi;
import lookout.agent.llm.LlmOptions;
import lookout.agent.llm.Models;
import lookout.agent.sandbox.ScenarioApiServer;
import lookout.agent.scenarios.Scenario;
import lookout.agent.scenarios.ScenarioLoader;
import lookout.agent.tools.AgentTools;
import lookout.agent.tools.Tokens;

/**
 * Token economy as billed, on the diagnosis scenario library: each scenario's first question goes
 * through the real agent chain (offline diagnosis, then the model agent with its tools) to a
 * scripted OpenAI-compatible model that answers from the evidence it is given, and every request
 * the model receives is counted as the provider bills it — prompt tokens (system prompt, tool
 * schemas, messages) plus completion tokens, summed over all round trips of the question.
 *
 * <p>Against it, the raw material a "kubectl in the prompt" agent would paste for the same
 * scenario: {@code kubectl get -o json} of its objects (namespaces and, outside node scenarios,
 * nodes left out), their events, and each container's log — once as the scenario seeds it, once
 * padded to the last 500 lines with ordinary request lines (the seeds carry 5–40 lines; a real
 * service logs hundreds). Cached tokens: what a provider caching prefixes of 1,024 tokens or more
 * would serve from cache for every question after the first (system prompt + tool schemas, the same
 * bytes every time). Tokens are cl100k_base.
 *
 * <p>Run: {@code ./mvnw -q -pl agent -am install -DskipTests && ./mvnw -pl agent -Pbench verify}
 */
public final class TokenEconomyBenchmark {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A typical answer: cause, five lines of evidence, what to do (about 130 tokens). */
  static final String ANSWER =
      """
      The workload fails because of the cause Lookout's diagnosis names above.
      - the decisive event and its count, quoted from the evidence
      - the container's last state and exit code, with the restart count
      - the log line that explains the exit, quoted verbatim
      - the limit or request involved and what the metrics say about it
      - what changed recently (rollout, node, quota) if anything did
      Fix the cause first (the config, the limit or the node named above), then roll out again;
      the runbook for this failure class has the exact steps.""";

  /**
   * @param prefix system prompt + tool schemas of the question's last round trip
   * @param prefixes the same summed over its round trips
   * @param cacheable the prefixes of 1,024 tokens or more (what providers cache), summed
   */
  record Row(
      String klass,
      int raw,
      int rawPadded,
      int billed,
      int roundTrips,
      int prefix,
      int prefixes,
      int cacheable,
      int completions) {}

  public static void main(String[] args) throws Exception {
    String part = args.length > 0 ? args[0] : "main";
    ScenarioLoader loader = new ScenarioLoader(ScenarioLoader.classpathRoot(), Instant.now());
    List<Row> rows = new ArrayList<>();
    try (FakeOpenAi model = new FakeOpenAi()) {
      for (Scenario s : loader.part(part)) {
        if (s.probes().isEmpty()) {
          continue;
        }
        rows.add(measure(s, model));
      }
    }
    print(rows);
  }

  private static Row measure(Scenario s, FakeOpenAi model) throws Exception {
    int before = model.requests().size();
    model.thenAnswers(ANSWER).thenAnswers(ANSWER);
    try (ScenarioApiServer server = ScenarioApiServer.start(s.objects(), s.logs())) {
      LlmOptions options = LlmOptions.defaults(model.baseUrl(), "sk-bench-0123456789", "m");
      AgentTools tools =
          new AgentTools(
              "prod-eu", server.client(), Analyzers.all(), null, null, Clock.systemUTC());
      Agent agent =
          AgentBuilder.over(Map.of("prod-eu", server.client()), "prod-eu")
              .model(Models.openAiCompatible(options), options, tools, AgentMetrics.NONE)
              .build();
      agent.ask(new Question(s.probes().get(0).text(), "bench:alice"));
    }
    List<JsonNode> sent = model.requests().subList(before, model.requests().size());
    int billed = 0;
    int prefix = 0;
    int prefixes = 0;
    int cacheable = 0;
    for (JsonNode request : sent) {
      int prompt = 0;
      for (JsonNode m : request.path("messages")) {
        prompt +=
            4
                + Tokens.count(m.path("content").asText(""))
                + Tokens.count(m.has("tool_calls") ? m.get("tool_calls").toString() : "");
      }
      int schemas = request.has("tools") ? Tokens.count(request.get("tools").toString()) : 0;
      prompt += schemas;
      int system = Tokens.count(request.path("messages").path(0).path("content").asText(""));
      prefix = system + schemas;
      prefixes += prefix;
      cacheable += prefix >= 1024 ? prefix : 0;
      billed += prompt + Tokens.count(ANSWER);
    }
    String raw = raw(s, false);
    String padded = raw(s, true);
    String klass =
        s.failureClass().contains("/")
            ? s.failureClass().substring(0, s.failureClass().indexOf('/'))
            : s.failureClass();
    return new Row(
        klass,
        Tokens.count(raw),
        Tokens.count(padded),
        billed,
        sent.size(),
        prefix,
        prefixes,
        cacheable,
        sent.size() * Tokens.count(ANSWER));
  }

  /** What a naive agent pastes: objects and events as JSON, each container's log tail. */
  private static String raw(Scenario s, boolean pad) throws Exception {
    boolean nodes = s.failureClass().startsWith("node");
    StringBuilder sb = new StringBuilder();
    for (HasMetadata o : s.objects()) {
      if (o.getKind().equals("Namespace") || !nodes && o.getKind().equals("Node")) {
        continue;
      }
      sb.append(PRETTY.writeValueAsString(o)).append('\n');
    }
    Random random = new Random(s.id().hashCode());
    for (Map.Entry<String, String> log : s.logs().entrySet()) {
      List<String> lines = new ArrayList<>(log.getValue().lines().toList());
      if (pad) {
        List<String> padding = new ArrayList<>();
        for (int i = lines.size(); i < 500; i++) {
          padding.add(
              String.format(
                  Locale.ROOT,
                  "2026-11-22T01:%02d:%02d.%03dZ level=info msg=\"GET /api/v1/items/%d\""
                      + " status=200 duration=%.1fms trace=%016x",
                  i / 60 % 60,
                  i % 60,
                  random.nextInt(1000),
                  random.nextInt(100_000),
                  random.nextDouble() * 40,
                  random.nextLong()));
        }
        padding.addAll(lines);
        lines = padding;
      }
      List<String> tail = lines.subList(Math.max(0, lines.size() - 500), lines.size());
      sb.append(String.join("\n", tail)).append('\n');
    }
    return sb.toString();
  }

  private static void print(List<Row> rows) {
    Map<String, List<Row>> byClass = new TreeMap<>();
    rows.forEach(r -> byClass.computeIfAbsent(r.klass(), k -> new ArrayList<>()).add(r));
    System.out.println(
        "| class | questions | round trips (mean, max) | billed tokens | raw as seeded | billed/raw"
            + " | raw, logs to 500 lines | billed/raw then | cached if prefix-cached |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    byClass.put("**all**", rows);
    int prefix = rows.isEmpty() ? 0 : rows.get(0).prefix();
    for (var e : byClass.entrySet()) {
      List<Row> rs = e.getValue();
      long billed = rs.stream().mapToLong(Row::billed).sum();
      long raw = rs.stream().mapToLong(Row::raw).sum();
      long padded = rs.stream().mapToLong(Row::rawPadded).sum();
      long trips = rs.stream().mapToLong(Row::roundTrips).sum();
      int maxTrips = rs.stream().mapToInt(Row::roundTrips).max().orElse(0);
      long cached = rs.stream().mapToLong(Row::cacheable).sum();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f, %d | %d | %d | %.1f%% | %d | %.1f%% | %d (%.0f%% of billed) |%n",
          e.getKey(),
          rs.size(),
          (double) trips / rs.size(),
          maxTrips,
          billed,
          raw,
          100.0 * billed / raw,
          padded,
          100.0 * billed / padded,
          cached,
          100.0 * cached / billed);
    }
    System.out.println();
    System.out.println(
        "Prefix (system prompt + tool schemas) per round trip: " + prefix + " tokens");
    double n = Math.max(1, rows.size());
    long billed = rows.stream().mapToLong(Row::billed).sum();
    long prefixes = rows.stream().mapToLong(Row::prefixes).sum();
    long completions = rows.stream().mapToLong(Row::completions).sum();
    System.out.printf(
        Locale.ROOT,
        "Per question (mean): %.0f billed = %.0f prefix + %.0f question, diagnosis and framing"
            + " + %.0f completion; raw as seeded %.0f%n",
        billed / n,
        prefixes / n,
        (billed - prefixes - completions) / n,
        completions / n,
        rows.stream().mapToLong(Row::raw).sum() / n);
  }
}
