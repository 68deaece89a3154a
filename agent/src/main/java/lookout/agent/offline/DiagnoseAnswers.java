package lookout.agent.offline;

import java.util.ArrayList;
import java.util.List;
import lookout.agent.Answer;
import lookout.agent.analyzers.ArchivedLogs;
import lookout.agent.analyzers.Finding;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.analyzers.Owners;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.diagnosis.Diagnosis;
import lookout.agent.diagnosis.DiagnosisEngine;

/**
 * The offline {@link Diagnoser}: runs the diagnosis engine for an object or a namespace and renders
 * the ranked result (root cause first, evidence, fix, runbook, only helpful buttons). Also answers
 * the grammar's "why is X failing" by resolving X to a workload first.
 */
final class DiagnoseAnswers implements Diagnoser {
  private static final int MAX_PROBLEMS = 8;

  private final ClusterReader reader;
  private final DiagnosisEngine engine;
  private final TargetResolver resolver;
  private final StatusAnswers status;
  private final RunbookHits runbooks;

  DiagnoseAnswers(
      ClusterReader reader,
      DiagnosisEngine engine,
      TargetResolver resolver,
      StatusAnswers status,
      RunbookHits runbooks) {
    this.reader = reader;
    this.engine = engine;
    this.resolver = resolver;
    this.status = status;
    this.runbooks = runbooks;
  }

  /** The grammar's path: a workload name (and maybe a namespace), or a namespace alone. */
  Answer diagnose(String namespace, String name) {
    if (name == null) {
      if (namespace == null) {
        return status.status(null, null);
      }
      if (!reader.namespaceExists(namespace)) {
        return status.status(namespace, null);
      }
      return namespace(namespace);
    }
    return switch (resolver.resolve(namespace, name)) {
      case Resolution.Reply r -> r.answer();
      case Resolution.Resolved r ->
          diagnose(
              new ObjectRef(r.workload().kind(), r.workload().namespace(), r.workload().name()));
    };
  }

  @Override
  public Answer diagnose(ObjectRef target) {
    if (target.kind().equals("Namespace")) {
      return namespace(target.name());
    }
    RecordingLogSource logs = new RecordingLogSource(reader.logs());
    Diagnosis d = engine.diagnose(target, logs);
    List<Answer.Section> extra = new ArrayList<>();
    if (d.verdict() != Diagnosis.Verdict.BROKEN && !d.facts().pods().isEmpty()) {
      extra.add(Replies.section("Pods", reader.podLines(d.facts().pods())));
    }
    d.cause()
        .filter(c -> d.verdict() == Diagnosis.Verdict.BROKEN)
        .flatMap(c -> runbooks.section(c.query()))
        .ifPresent(extra::add);
    List<ArchivedLogs.GonePod> gone = gonePods(target, d, extra);
    gone.forEach(p -> extra.add(Replies.code("Log · " + p.heading(), p.errors())));
    Answer answer = DiagnosisText.answer(d, logs, extra);
    if (d.verdict() == Diagnosis.Verdict.BROKEN || gone.isEmpty()) {
      return answer;
    }
    // the cluster looks fine now, but a pod that is gone said why it failed
    ArchivedLogs.GonePod last = gone.getFirst();
    return Replies.withSuggestions(
        answer.summary()
            + "; pod "
            + last.pod()
            + ", no longer in the cluster, logged: "
            + last.best().orElse(last.errors().getLast()),
        answer.sections(),
        answer.suggestions());
  }

  /** The gone pods of the target with error lines in the log archive; a failure is "Not read". */
  private List<ArchivedLogs.GonePod> gonePods(
      ObjectRef target, Diagnosis d, List<Answer.Section> extra) {
    try {
      return ArchivedLogs.gone(
          reader.logs().archive(),
          target.kind(),
          target.namespace(),
          target.name(),
          ArchivedLogs.withLogs(d.facts().pods()));
    } catch (RuntimeException e) {
      extra.add(Replies.section("Not read", List.of("logs of gone pods: " + e.getMessage())));
      return List.of();
    }
  }

  @Override
  public Answer namespace(String namespace) {
    RecordingLogSource logs = new RecordingLogSource(reader.logs());
    ObjectRef target = new ObjectRef("Namespace", null, namespace);
    Diagnosis d = engine.rank(engine.gatherer().forNamespace(namespace, logs), List.of());
    if (d.verdict() != Diagnosis.Verdict.BROKEN) {
      return Replies.of(
          target + " looks healthy: no analyzer found a problem.",
          List.of(Replies.section("Workloads", reader.workloadLines(namespace))));
    }
    List<Finding> problems = d.failures();
    List<String> lines = new ArrayList<>();
    for (Finding f : problems.stream().limit(MAX_PROBLEMS).toList()) {
      lines.add(said(d, f) + " (" + f.reason() + ")");
    }
    if (problems.size() > MAX_PROBLEMS) {
      lines.add("… " + (problems.size() - MAX_PROBLEMS) + " more — ask about one workload");
    }
    Finding top = problems.getFirst();
    String summary =
        target
            + ": "
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "; first: "
            + said(d, top)
            + " ("
            + top.reason()
            + ")";
    List<Answer.Section> sections = new ArrayList<>();
    sections.add(Replies.section("Needs attention", lines));
    Answer detail = DiagnosisText.answer(d, logs, List.of());
    sections.addAll(detail.sections());
    runbooks.section(top.query()).ifPresent(sections::add);
    return Replies.withSuggestions(summary, sections, detail.suggestions());
  }

  /**
   * A finding said of the workload its pod belongs to ("deployment shop/catalog cannot start: …"),
   * else of its own subject.
   */
  private static String said(Diagnosis d, Finding f) {
    if (f.about() == null || !f.about().kind().equals("Pod")) {
      return f.sentence();
    }
    return d.facts().pods().stream()
        .filter(p -> p.getMetadata().getName().equals(f.about().name()))
        .findFirst()
        .flatMap(Owners::workload)
        .map(w -> w + " " + f.summary())
        .orElse(f.sentence());
  }
}
