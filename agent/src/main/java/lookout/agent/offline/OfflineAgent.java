package lookout.agent.offline;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Question;
import lookout.agent.analyzers.Analyzer;
import lookout.agent.cluster.ClusterReader;
import lookout.agent.cluster.FactsGatherer;
import lookout.agent.diagnosis.DiagnosisEngine;
import lookout.agent.grammar.Command;
import lookout.agent.grammar.CommandParser;
import lookout.approvals.Approvals;
import lookout.knowledge.Search;

/**
 * Answers without an LLM: the command grammar picks what to do, the cluster reader and analyzers
 * supply the facts. Every answer is degraded (offline mode); restart and scale come back as
 * requested actions for approval; cluster failures come back as answers saying what failed. Never
 * throws.
 */
public final class OfflineAgent implements Agent {
  private final String cluster;
  private final CommandParser parser;
  private final StatusAnswers status;
  private final DiagnoseAnswers diagnose;
  private final LogsAnswers logs;
  private final ActionAnswers actions;
  private final HelpText help = new HelpText();
  private final ApprovalAnswers approvalAnswers;
  private final KnowledgeAnswers knowledgeAnswers;

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
    this.cluster = Objects.requireNonNull(cluster, "cluster");
    this.approvalAnswers = new ApprovalAnswers(cluster, approvals, Clock.systemUTC());
    this.knowledgeAnswers = new KnowledgeAnswers(search);
    this.parser = Objects.requireNonNull(parser, "parser");
    ClusterReader reader = new ClusterReader(Objects.requireNonNull(client, "client"));
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
    this.logs = new LogsAnswers(reader, resolver, new PodFinder(client));
    this.actions = new ActionAnswers(cluster, reader, resolver);
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
    return new OfflineAgent(defaultCluster, client, parser, analyzers, searchOrNull, approvals);
  }

  /** The diagnosis engine behind "why is X failing", for callers that resolved X themselves. */
  public Diagnoser diagnoser() {
    return diagnose;
  }

  @Override
  public Answer ask(Question question) {
    Command command;
    try {
      command = parser.parse(question.text());
    } catch (RuntimeException e) {
      command = new Command.Unknown(question.text());
    }
    try {
      return switch (command) {
        case Command.Status s -> status.status(s.namespace(), s.name());
        case Command.Diagnose d -> diagnose.diagnose(d.namespace(), d.name());
        case Command.Logs l -> logs.logs(l.namespace(), l.name());
        case Command.Restart r -> actions.restart(r.namespace(), r.name());
        case Command.Scale s -> actions.scale(s.namespace(), s.name(), s.replicas());
        case Command.Audit a -> approvalAnswers.audit(a);
        case Command.ResetBreaker b -> approvalAnswers.resetBreaker(b, question.asker());
        case Command.Runbooks r -> knowledgeAnswers.runbooks(r.words());
        case Command.Incidents i -> knowledgeAnswers.incidents(i.words());
        case Command.Help h -> help.help();
        case Command.Unknown u -> help.notUnderstood(u.text());
      };
    } catch (RuntimeException e) {
      return Replies.text(ClusterErrors.describe(cluster, e));
    }
  }
}
