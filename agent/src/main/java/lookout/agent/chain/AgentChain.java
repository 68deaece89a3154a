package lookout.agent.chain;

import java.util.Map;
import java.util.Objects;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.Progress;
import lookout.agent.Question;
import lookout.agent.Stage;
import lookout.agent.UnderstoodQuestion;
import lookout.agent.grammar.ClusterMention;
import lookout.agent.grammar.CommandParser;
import lookout.agent.offline.OfflineAgent.Presence;
import lookout.agent.redact.RedactingAgent;
import lookout.agent.redact.Redactor;

/**
 * The assembled agent: takes out the words that name a cluster ("on prod-eu", "prod-eu 集群"), reads
 * the rest once (command, check-up request, clues), redacts it once for whatever may send it on,
 * lets the {@link ClusterRouter} pass the understood question down the stages of the cluster it is
 * about, and redacts the answer once before it reaches chat.
 */
final class AgentChain implements Agent {
  private final CommandParser parser;
  private final ClusterRouter clusters;

  /** A chain over one cluster's stages (tests that look at reading and redacting). */
  AgentChain(CommandParser parser, Stage top) {
    this(
        parser,
        new ClusterRouter(
            Map.of("default", new ClusterRouter.Lane(top, q -> Presence.UNNAMED)),
            "default",
            Map.of(),
            AgentBuilder.DEFAULT_CLUSTER_TIMEOUT));
  }

  AgentChain(CommandParser parser, ClusterRouter clusters) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clusters = Objects.requireNonNull(clusters, "clusters");
  }

  @Override
  public Answer ask(Question question) {
    return ask(question, Progress.NONE);
  }

  /** Interim answers are redacted like the final one: each may reach chat. */
  @Override
  public Answer ask(Question question, Progress progress) {
    ClusterMention mention = ClusterMention.find(question.text(), clusters.clusters());
    String text = mention.named() ? mention.rest() : question.text();
    UnderstoodQuestion understood =
        new UnderstoodQuestion(question, Redactor.redact(text), parser.read(text));
    Progress redacted =
        progress == Progress.NONE ? progress : a -> progress.interim(RedactingAgent.redact(a));
    return RedactingAgent.redact(clusters.answer(understood, mention, redacted));
  }
}
