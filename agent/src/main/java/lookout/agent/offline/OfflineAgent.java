package lookout.agent.offline;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.analyzers.LogArchive;
import lookout.agent.cluster.ClusterCache;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.diagnosis.DiagnosisEngine;
import lookout.agent.grammar.Clues;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.CommandParser;
import lookout.agent.grammar.Look;
import lookout.agent.grammar.Reading;
import lookout.agent.resolve.InventoryReader;
import lookout.approvals.Approvals;
import lookout.knowledge.Search;

/**
 * Answers without an LLM: the command grammar picks what to do; questions are resolved against the
 * cluster's inventory ({@link QuestionAnswers}) and diagnosed by a {@link Diagnoser}. Every answer
 * is degraded (offline mode); restart and scale — only ever from an imperative request — come back
 * as requested actions for approval; cluster failures come back as answers saying what failed.
 * Never throws.
 */
public final class OfflineAgent implements Agent, Stage {
  private final String cluster;
  private final CommandParser parser;
  private final StatusAnswers status;
  private final DiagnoseAnswers diagnose;
  private final Diagnoser diagnoser;
  private final LogsAnswers logs;
  private final ActionAnswers actions;
  private final HelpText help = new HelpText();
  private final ApprovalAnswers approvalAnswers;
  private final KnowledgeAnswers knowledgeAnswers;
  private final QuestionAnswers questions;
  private final ClusterReader reader;

  /**
   * @param cluster the name of the cluster the client talks to, used in answers and actions
   * @param search runbook and incident search, or null for none
   */
  public OfflineAgent(
      String cluster,
      KubernetesClient client,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search search) {
    this(cluster, client, parser, analyzers, search, null);
  }

  /**
   * @param approvals answers "audit …" and "reset breaker …"; null = those commands say approvals
   *     are not available
   */
  public OfflineAgent(
      String cluster,
      KubernetesClient client,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search search,
      Approvals approvals) {
    this(cluster, client, parser, analyzers, search, approvals, null);
  }

  /**
   * @param diagnoserOrNull the diagnosis of resolved objects; null = the diagnosis engine over
   *     {@code analyzers} ({@link DiagnoseAnswers})
   */
  public OfflineAgent(
      String cluster,
      KubernetesClient client,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search search,
      Approvals approvals,
      Diagnoser diagnoserOrNull) {
    this(cluster, client, parser, analyzers, search, approvals, diagnoserOrNull, null);
  }

  /**
   * @param diagnoserOrNull the diagnosis of resolved objects; null = the diagnosis engine over
   *     {@code analyzers} ({@link DiagnoseAnswers})
   * @param cacheOrNull the cluster's informers for whole-namespace reads (pods, Warning events,
   *     claims, nodes); null = read them from the API server on every question
   */
  public OfflineAgent(
      String cluster,
      KubernetesClient client,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search search,
      Approvals approvals,
      Diagnoser diagnoserOrNull,
      ClusterCache cacheOrNull) {
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.approvalAnswers = new ApprovalAnswers(cluster, approvals, Clock.systemUTC());
    this.knowledgeAnswers = new KnowledgeAnswers(search);
    this.parser = Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(client, "client");
    this.reader =
        cacheOrNull == null
            ? new ClusterReader(client)
            : new ClusterReader(client, Clock.systemUTC(), cacheOrNull);
    TargetResolver resolver = new TargetResolver(cluster, reader);
    this.status = new StatusAnswers(cluster, reader, resolver);
    this.diagnose =
        new DiagnoseAnswers(
            reader,
            new DiagnosisEngine(
                new FactsGatherer(cluster, reader), List.copyOf(analyzers), Clock.systemUTC()),
            resolver,
            status,
            new RunbookHits(search));
    this.diagnoser = diagnoserOrNull != null ? diagnoserOrNull : diagnose;
    this.logs = new LogsAnswers(reader, resolver, new PodFinder(client));
    this.actions = new ActionAnswers(cluster, reader, resolver);
    this.questions =
        new QuestionAnswers(
            cluster,
            client,
            new InventoryReader(client, Clock.systemUTC()),
            diagnoser,
            status,
            logs,
            Clock.systemUTC());
  }

  /**
   * The agent over the default of several named clusters (requests name no cluster, so the default
   * one answers).
   *
   * @throws IllegalArgumentException when {@code defaultCluster} is not among {@code clusters}
   */
  public static OfflineAgent create(
      Map<String, KubernetesClient> clusters,
      String defaultCluster,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search searchOrNull) {
    return create(clusters, defaultCluster, parser, analyzers, searchOrNull, null);
  }

  /** As above, also answering "audit …" and "reset breaker …" from {@code approvals}. */
  public static OfflineAgent create(
      Map<String, KubernetesClient> clusters,
      String defaultCluster,
      CommandParser parser,
      List<Analyzer> analyzers,
      Search searchOrNull,
      Approvals approvals) {
    KubernetesClient client = clusters.get(defaultCluster);
    if (client == null) {
      throw new IllegalArgumentException(
          "default cluster '"
              + defaultCluster
              + "' is not among the configured clusters "
              + clusters.keySet());
    }
    // the bot's agent: at 10,000 pods a diagnosis must not list a namespace's pods from the API
    // server, so whole-namespace reads come from the informers it shares with the LLM tools
    return new OfflineAgent(
        defaultCluster,
        client,
        parser,
        analyzers,
        searchOrNull,
        approvals,
        null,
        ClusterCache.shared(client));
  }

  /**
   * Logs of pods the API server has none for (evicted, deleted, finished) come from {@code
   * archiveOrNull} (Loki) from now on, in diagnoses and log answers.
   */
  public OfflineAgent withLogArchive(LogArchive archiveOrNull) {
    reader.logs().useArchive(archiveOrNull);
    return this;
  }

  /** The diagnosis behind "why is X failing", for callers that resolved X themselves. */
  public Diagnoser diagnoser() {
    return diagnoser;
  }

  /** Reads the question with this agent's parser, then answers it; nothing is redacted here. */
  @Override
  public Answer ask(Question question) {
    return answer(new UnderstoodQuestion(question, question.text(), parser.read(question.text())));
  }

  @Override
  public Answer answer(UnderstoodQuestion question) {
    Reading reading = question.reading();
    Clues clues = reading.clues();
    String thread = question.question().thread();
    try {
      return switch (reading.command()) {
        case Command.Status s ->
            questions.answer(Look.STATUS, s.namespace(), s.name(), clues, null, thread);
        case Command.Diagnose d ->
            questions.answer(Look.DIAGNOSE, d.namespace(), d.name(), clues, null, thread);
        case Command.Logs l ->
            questions.answer(Look.LOGS, l.namespace(), l.name(), clues, null, thread);
        case Command.Restart r -> actions.restart(r.namespace(), r.name());
        case Command.Scale s -> actions.scale(s.namespace(), s.name(), s.replicas());
        case Command.Audit a -> approvalAnswers.audit(a);
        case Command.ResetBreaker b -> approvalAnswers.resetBreaker(b, question.question().asker());
        case Command.Runbooks r -> knowledgeAnswers.runbooks(r.words());
        case Command.Incidents i -> knowledgeAnswers.incidents(i.words());
        case Command.Help h -> help.help();
        case Command.Unknown u ->
            clues.write().isPresent()
                ? ActionAnswers.unclear(clues.write().get(), u.text())
                : questions.answer(clues.look(), null, null, clues, u.text(), thread);
      };
    } catch (RuntimeException e) {
      return Replies.text(ClusterErrors.describe(cluster, e));
    }
  }
}
