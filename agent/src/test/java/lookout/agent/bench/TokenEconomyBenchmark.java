package lookout.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import lookout.agent.analyzers.Analyzers;
import lookout.agent.analyzers.ErrorLines;
import lookout.agent.cluster.ClusterLogs;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.PodText;
import lookout.agent.metrics.SandboxMetrics;
import lookout.agent.sandbox.SandboxCluster;
import lookout.agent.tools.AgentTools;
import lookout.agent.tools.Proposals;
import lookout.agent.tools.Tokens;

/**
 * Token economy: for each broken workload of the sandbox, the tokens of Lookout's {@code
 * investigate} bundle (what the model reads) against the raw material a "kubectl-in-a-prompt" agent
 * would send — {@code kubectl get -o json} of the worst pod and its owners (ReplicaSet,
 * Deployment), {@code kubectl get events -o json} for them, and the last 500 log lines — and
 * whether the key facts (reason, restart count, exit code, an error line, the memory limit) are in
 * both. Tokens are cl100k_base. Prints a Markdown table.
 *
 * <p>Run: {@code ./mvnw -q -pl agent -am install -DskipTests && ./mvnw -pl agent -Pbench verify}
 */
public final class TokenEconomyBenchmark {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  record Scenario(String namespace, String workload) {}

  static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("staging", "checkout"),
          new Scenario("prod", "order-service"),
          new Scenario("staging", "search"),
          new Scenario("staging", "ledger-db"),
          new Scenario("prod", "inventory"));

  public static void main(String[] args) throws Exception {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      KubernetesClient client = sandbox.client();
      AgentTools tools =
          new AgentTools(
              "sandbox",
              client,
              Analyzers.all(),
              null,
              new SandboxMetrics(client),
              Clock.systemUTC());
      int overhead = overhead(tools);
      System.out.println(
          "| scenario | raw tokens | Lookout bundle tokens | ratio | bundle + prompt overhead"
              + " ratio | raw with 500 log lines | ratio then | key facts raw | key facts Lookout |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      long rawSum = 0;
      long lookSum = 0;
      long padSum = 0;
      for (Scenario s : SCENARIOS) {
        ClusterReader reader = new ClusterReader(client);
        Pod pod = worstPod(reader, s);
        String raw = raw(client, reader, pod);
        String bundle = tools.investigator().investigate(s.namespace(), s.workload());
        int rawTokens = Tokens.count(raw);
        int bundleTokens = Tokens.count(bundle);
        rawSum += rawTokens;
        lookSum += bundleTokens;
        List<Fact> facts = facts(reader, pod);
        int paddedTokens = rawTokens + Tokens.count(padding(reader, pod));
        padSum += paddedTokens;
        System.out.printf(
            Locale.ROOT,
            "| %s/%s | %d | %d | %.1f%% | %.1f%% | %d | %.1f%% | %s | %s |%n",
            s.namespace(),
            s.workload(),
            rawTokens,
            bundleTokens,
            100.0 * bundleTokens / rawTokens,
            100.0 * (bundleTokens + overhead) / rawTokens,
            paddedTokens,
            100.0 * bundleTokens / paddedTokens,
            present(facts, raw, true),
            present(facts, bundle, false));
      }
      System.out.printf(
          Locale.ROOT,
          "| **all** | %d | %d | %.1f%% | | %d | %.1f%% | | |%n",
          rawSum,
          lookSum,
          100.0 * lookSum / rawSum,
          padSum,
          100.0 * lookSum / padSum);
      System.out.println();
      System.out.println(
          "Fixed prompt overhead per question (system prompt + tool schemas): "
              + overhead
              + " tokens");
    }
  }

  /** System prompt plus the tool specifications as the model receives them (approximately). */
  private static int overhead(AgentTools tools) throws Exception {
    String prompt;
    try (var in =
        TokenEconomyBenchmark.class.getResourceAsStream("/lookout/agent/llm/system-prompt.md")) {
      prompt = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    StringBuilder specs = new StringBuilder();
    tools
        .toolbox(new Proposals())
        .specifications()
        .forEach(
            spec -> specs.append(spec.name()).append(spec.description()).append(spec.parameters()));
    return Tokens.count(prompt) + Tokens.count(specs.toString());
  }

  private static Pod worstPod(ClusterReader reader, Scenario s) {
    var found = reader.find(s.namespace(), s.workload());
    if (!(found instanceof lookout.agent.cluster.WorkloadLookup.Found f)) {
      throw new IllegalStateException("scenario " + s + " not in the sandbox: " + found);
    }
    return reader.pods(f.workload()).get(0);
  }

  /** What a naive agent would paste: pod + owners JSON, their events JSON, 500 log lines. */
  private static String raw(KubernetesClient client, ClusterReader reader, Pod pod)
      throws Exception {
    String ns = pod.getMetadata().getNamespace();
    StringBuilder sb = new StringBuilder();
    List<HasMetadata> objects = new ArrayList<>(List.of(pod));
    for (OwnerReference ref : refs(pod)) {
      if ("ReplicaSet".equals(ref.getKind())) {
        var rs = client.apps().replicaSets().inNamespace(ns).withName(ref.getName()).get();
        objects.add(rs);
        for (OwnerReference up : refs(rs)) {
          objects.add(client.apps().deployments().inNamespace(ns).withName(up.getName()).get());
        }
      } else if ("StatefulSet".equals(ref.getKind())) {
        objects.add(client.apps().statefulSets().inNamespace(ns).withName(ref.getName()).get());
      }
    }
    objects.removeIf(java.util.Objects::isNull); // an owner the sandbox does not seed
    for (HasMetadata o : objects) {
      sb.append(PRETTY.writeValueAsString(o)).append('\n');
    }
    List<String> names = objects.stream().map(o -> o.getMetadata().getName()).toList();
    List<Event> events =
        client.v1().events().inNamespace(ns).list().getItems().stream()
            .filter(
                e ->
                    e.getInvolvedObject() != null
                        && names.contains(e.getInvolvedObject().getName()))
            .toList();
    sb.append(
            PRETTY.writeValueAsString(
                java.util.Map.of("apiVersion", "v1", "kind", "List", "items", events)))
        .append('\n');
    sb.append(String.join("\n", log(reader, pod, 500)));
    return sb.toString();
  }

  /**
   * The sandbox seeds at most 20 log lines per container; a real service has hundreds. This pads
   * the log to 500 lines with ordinary request lines placed BEFORE the seeded ones, and checks that
   * Lookout's error-line extraction gives exactly the same result on the padded log — so the bundle
   * is unchanged and only the raw side grows, as it would in production.
   */
  private static String padding(ClusterReader reader, Pod pod) {
    List<String> own = log(reader, pod, 500);
    if (own.isEmpty()) {
      return ""; // a container that never started has no log to pad
    }
    List<String> pad = new ArrayList<>();
    java.util.Random random = new java.util.Random(pod.getMetadata().getName().hashCode());
    for (int i = 0; i < 500 - own.size(); i++) {
      pad.add(
          String.format(
              Locale.ROOT,
              "2026-11-22T01:%02d:%02d.%03dZ level=info msg=\"GET /api/v1/items/%d\" status=200"
                  + " duration=%.1fms trace=%016x",
              i / 60 % 60,
              i % 60,
              random.nextInt(1000),
              random.nextInt(100_000),
              random.nextDouble() * 40,
              random.nextLong()));
    }
    List<String> padded = new ArrayList<>(pad);
    padded.addAll(own);
    if (!ErrorLines.extract(padded, 12).equals(ErrorLines.extract(own, 12))) {
      throw new IllegalStateException("padding changed the extracted error lines");
    }
    return String.join("\n", pad);
  }

  private static List<OwnerReference> refs(HasMetadata o) {
    return o == null || o.getMetadata().getOwnerReferences() == null
        ? List.of()
        : o.getMetadata().getOwnerReferences();
  }

  private static List<String> log(ClusterReader reader, Pod pod, int lines) {
    ClusterLogs logs = reader.logs();
    String ns = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    boolean previous = PodText.restarts(pod) > 0;
    var tail = logs.read(ns, name, null, previous, lines);
    if (tail.unavailable() != null && previous) {
      tail = logs.read(ns, name, null, false, lines);
    }
    return tail.lines();
  }

  record Fact(String name, Pattern raw, Pattern lookout) {}

  /** The facts a responder needs, taken from the pod itself, with how each format spells them. */
  private static List<Fact> facts(ClusterReader reader, Pod pod) {
    List<Fact> facts = new ArrayList<>();
    String reason = PodText.status(pod);
    facts.add(
        new Fact(
            "reason", lit(reason.replaceAll("\\(.*", "")), lit(reason.replaceAll("\\(.*", ""))));
    int restarts = PodText.restarts(pod);
    facts.add(
        new Fact(
            "restarts",
            Pattern.compile("\"restartCount\"\\s*:\\s*" + restarts + "\\b"),
            Pattern.compile("restarts=" + restarts + "\\b")));
    List<ContainerStatus> statuses =
        pod.getStatus().getContainerStatuses() == null
            ? List.of()
            : pod.getStatus().getContainerStatuses();
    statuses.stream()
        .map(s -> s.getLastState() == null ? null : s.getLastState().getTerminated())
        .filter(java.util.Objects::nonNull)
        .map(ContainerStateTerminated::getExitCode)
        .findFirst()
        .ifPresent(
            code ->
                facts.add(
                    new Fact(
                        "exit code",
                        Pattern.compile("\"exitCode\"\\s*:\\s*" + code + "\\b"),
                        Pattern.compile("exit " + code + "\\b|\\(" + code + "\\)"))));
    Quantity limit =
        pod.getSpec().getContainers().get(0).getResources() == null
                || pod.getSpec().getContainers().get(0).getResources().getLimits() == null
            ? null
            : pod.getSpec().getContainers().get(0).getResources().getLimits().get("memory");
    if (limit != null) {
      facts.add(new Fact("limit", lit(limit.toString()), lit(limit.toString())));
    }
    List<String> errors = ErrorLines.extract(log(reader, pod, 500), 12);
    errors.stream()
        .filter(l -> !l.startsWith("…"))
        .map(l -> l.replaceFirst("^\\(×\\d+\\) ", ""))
        .filter(l -> l.length() > 20)
        .findFirst()
        .ifPresent(
            l -> {
              String core = l.substring(Math.max(0, l.length() - 40));
              facts.add(new Fact("error line", lit(core), lit(core)));
            });
    return facts;
  }

  private static Pattern lit(String s) {
    return Pattern.compile(Pattern.quote(s));
  }

  private static String present(List<Fact> facts, String text, boolean raw) {
    List<String> out = new ArrayList<>();
    for (Fact f : facts) {
      boolean found = (raw ? f.raw() : f.lookout()).matcher(text).find();
      out.add((found ? "✓ " : "✗ ") + f.name());
    }
    return String.join(", ", out);
  }
}
