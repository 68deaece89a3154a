package lookout.agent.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.analyzers.Finding;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.cluster.Workload;
import lookout.approvals.Action;

/**
 * "why is checkout failing in staging": gathers facts, runs every analyzer, and answers with the
 * most severe finding, each finding's evidence (quoted log lines as code), the suggested actions
 * and the best runbook sections.
 */
final class DiagnoseAnswers {
  private static final int MAX_FINDINGS = 5;

  private final ClusterReader reader;
  private final FactsGatherer gatherer;
  private final List<Analyzer> analyzers;
  private final TargetResolver resolver;
  private final StatusAnswers status;
  private final RunbookHits runbooks;

  DiagnoseAnswers(
      ClusterReader reader,
      FactsGatherer gatherer,
      List<Analyzer> analyzers,
      TargetResolver resolver,
      StatusAnswers status,
      RunbookHits runbooks) {
    this.reader = reader;
    this.gatherer = gatherer;
    this.analyzers = List.copyOf(analyzers);
    this.resolver = resolver;
    this.status = status;
    this.runbooks = runbooks;
  }

  Answer diagnose(String namespace, String name) {
    if (name == null) {
      if (namespace == null) {
        return status.status(null, null);
      }
      if (!reader.namespaceExists(namespace)) {
        return status.status(namespace, null);
      }
      RecordingLogSource logs = new RecordingLogSource(reader.logs());
      return answer(
          "namespace " + namespace, gatherer.forNamespace(namespace, logs), logs, null, namespace);
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r -> {
        RecordingLogSource logs = new RecordingLogSource(reader.logs());
        yield answer(
            r.workload().ref(),
            gatherer.forWorkload(r.workload(), logs),
            logs,
            r.workload(),
            r.workload().namespace());
      }
    };
  }

  private Answer answer(
      String subject, ClusterFacts facts, RecordingLogSource logs, Workload w, String namespace) {
    List<Finding> findings = run(facts);
    if (findings.isEmpty()) {
      if (w == null) {
        return Replies.of(
            subject + " looks healthy: no analyzer found a problem.",
            List.of(Replies.section("Workloads", reader.workloadLines(namespace))));
      }
      Answer current = status.workload(w);
      return Replies.of(
          subject
              + " looks healthy: "
              + w.ready()
              + "/"
              + w.desired()
              + " ready, no analyzer found a problem.",
          current.sections());
    }
    Finding top = findings.get(0);
    String summary = top.analyzer() + " in " + subject + ": " + top.summary();
    List<Answer.Section> sections = new ArrayList<>();
    LinkedHashSet<Action> suggestions = new LinkedHashSet<>();
    for (Finding f : findings.stream().limit(MAX_FINDINGS).toList()) {
      sections.addAll(evidence(f, logs));
      suggestions.addAll(f.suggestions());
    }
    if (findings.size() > MAX_FINDINGS) {
      sections.add(
          Replies.section(
              "More",
              List.of(
                  "… "
                      + (findings.size() - MAX_FINDINGS)
                      + " more findings — narrow by workload name")));
    }
    runbooks.section(top.analyzer() + " " + top.summary()).ifPresent(sections::add);
    return Replies.withSuggestions(summary, sections, List.copyOf(suggestions));
  }

  /** Every analyzer, most severe findings first; one failing analyzer does not hide the others. */
  private List<Finding> run(ClusterFacts facts) {
    List<Finding> all = new ArrayList<>();
    for (Analyzer analyzer : analyzers) {
      try {
        all.addAll(analyzer.analyze(facts));
      } catch (RuntimeException e) {
        all.add(
            new Finding(
                Finding.Severity.INFO,
                analyzer.getClass().getSimpleName(),
                "analyzer",
                "analyzer " + analyzer.getClass().getSimpleName() + " failed: " + e,
                List.of(),
                List.of()));
      }
    }
    return all.stream().sorted(Comparator.comparing(Finding::severity)).toList();
  }

  private static List<Answer.Section> evidence(Finding f, RecordingLogSource logs) {
    List<String> prose = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    prose.add(f.severity() + ": " + f.summary());
    for (String line : f.evidence()) {
      String log = logs.quoted(line);
      if (log != null) {
        quoted.add(log);
      } else {
        prose.add(line);
      }
    }
    String heading = f.analyzer() + " · " + f.subject();
    List<Answer.Section> out = new ArrayList<>();
    out.add(Replies.section(heading, prose));
    if (!quoted.isEmpty()) {
      out.add(Replies.code("Log · " + f.subject(), quoted));
    }
    return out;
  }
}
