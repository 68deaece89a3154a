package lookout.bot.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.knowledge.Hit;
import lookout.knowledge.SearchRequest;
import lookout.knowledge.SearchResult;

/**
 * Investigates a firing group for its thread: asks the agent about the affected workload (through
 * the same {@link Agent} interface chat questions use, so an LLM agent plugs in unchanged), finds
 * the runbook ({@code runbook_url} first, then knowledge search), similar past incidents, and keeps
 * the agent's suggested actions as buttons that request approval through the normal path.
 */
public final class AlertAnalyst {
  static final String ASKER = "alertmanager:lookout";
  private static final int MAX_TEXT = 4_000;

  private final Agent agent;
  private final Function<SearchRequest, SearchResult> search;
  private final Function<Answer, Message> render;
  private final AlertCluster clusters;

  /**
   * @param search the knowledge search (runbooks and incidents)
   * @param render turns an agent answer into a message with approval-request buttons
   */
  public AlertAnalyst(
      Agent agent, Function<SearchRequest, SearchResult> search, Function<Answer, Message> render) {
    this(agent, search, render, new AlertCluster("cluster", java.util.Set.of(), ""));
  }

  /**
   * @param clusters which cluster a group is about: with several, the question names it
   */
  AlertAnalyst(
      Agent agent,
      Function<SearchRequest, SearchResult> search,
      Function<Answer, Message> render,
      AlertCluster clusters) {
    this.agent = agent;
    this.search = search;
    this.render = render;
    this.clusters = clusters;
  }

  /**
   * The question the agent gets for this group, e.g. "why is checkout failing in staging?" — "… in
   * staging on prod-us?" when several clusters are configured, so the cluster the alert came from
   * answers.
   */
  static String question(Notification n, AlertCluster clusters) {
    Map<String, String> labels =
        n.firingAlerts().isEmpty() ? n.commonLabels() : n.firingAlerts().get(0).labels();
    String ns = labels.getOrDefault("namespace", "");
    String on = clusters.several() ? " on " + clusters.of(labels) : "";
    return Workloads.of(labels)
        .map(w -> "why is " + w + " failing" + (ns.isEmpty() ? "" : " in " + ns) + on + "?")
        .orElse((ns.isEmpty() ? "status" : "status of " + ns) + on);
  }

  Analysis analyse(Notification n, int round, int budget) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String question = question(n, clusters);
    String summary;
    try {
      Answer answer = agent.ask(new Question(question, ASKER));
      Message rendered = render.apply(answer);
      summary = "🔎 Analysis: " + answer.summary();
      parts.add(new Part.Note("Asked the agent: \"" + question + "\""));
      parts.addAll(rendered.parts());
      text.append(answer.summary()).append('\n');
      answer
          .sections()
          .forEach(
              s ->
                  text.append(s.heading())
                      .append(": ")
                      .append(String.join("; ", s.lines()))
                      .append('\n'));
    } catch (RuntimeException e) {
      summary = "🔎 Analysis: the agent could not investigate (" + e.getMessage() + ")";
      text.append(summary).append('\n');
    }
    List<String> runbooks = runbooks(n);
    if (!runbooks.isEmpty()) {
      parts.add(new Part.Section("Runbook", String.join("\n", runbooks)));
      text.append("Runbook: ").append(runbooks.get(0)).append('\n');
    }
    List<String> similar = similarIncidents(n);
    parts.add(
        new Part.Section(
            "Similar past incidents",
            similar.isEmpty() ? "None found." : String.join("\n", similar)));
    parts.add(
        new Part.Note("Analysis " + round + " of at most " + budget + " for this alert group"));
    String plain = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text.toString();
    return new Analysis(new Message(summary, parts), plain.strip());
  }

  /**
   * {@code runbook_url} annotations first; then the best runbook sections from the knowledge base.
   */
  List<String> runbooks(Notification n) {
    List<String> out = new ArrayList<>();
    Set<String> urls = new LinkedHashSet<>();
    n.firingAlerts().forEach(a -> a.annotation("runbook_url").ifPresent(urls::add));
    urls.stream().limit(3).forEach(u -> out.add("📘 " + u + " (from the alert's runbook_url)"));
    String query =
        String.join(" ", AlertMessages.names(n))
            + " "
            + n.commonAnnotations().getOrDefault("summary", "");
    SearchResult result =
        search.apply(SearchRequest.of(query).withKind("runbook").withLimit(urls.isEmpty() ? 2 : 1));
    for (Hit h : result.hits()) {
      out.add(
          (urls.isEmpty() ? "📘 " : "Also in the knowledge base: ")
              + h.title()
              + (h.section().isBlank() ? "" : " — " + h.section())
              + " ("
              + h.location()
              + ")");
    }
    return out;
  }

  List<String> similarIncidents(Notification n) {
    Alert first = n.firingAlerts().isEmpty() ? n.alerts().get(0) : n.firingAlerts().get(0);
    String query =
        first.name()
            + " "
            + Workloads.of(first.labels()).orElse("")
            + " "
            + first.annotation("summary").orElse("");
    List<String> out = new ArrayList<>();
    for (Hit h : search.apply(SearchRequest.of(query).withKind("incident").withLimit(3)).hits()) {
      out.add("• " + h.title() + (h.location().isBlank() ? "" : " (" + h.location() + ")"));
    }
    return out;
  }
}
