package lookout.agent.offline;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Clues;
import lookout.agent.grammar.Look;
import lookout.agent.resolve.Inventory;
import lookout.agent.resolve.InventoryReader;
import lookout.agent.resolve.Resolver;
import lookout.agent.resolve.Target;

/**
 * Answers questions (anything that is not a command): resolves what the question is about against
 * the cluster's inventory, then diagnoses it, shows its status or its logs; asks back when several
 * objects match, says where it looked when none does, and lists what needs attention when the
 * question names nothing. Reads only: no question leads to a write or a dry run.
 */
final class QuestionAnswers {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

  private final String cluster;
  private final KubernetesClient client;
  private final InventoryReader inventory;
  private final Resolver resolver = new Resolver();
  private final ThreadTargets threads = new ThreadTargets();
  private final Diagnoser diagnoser;
  private final StatusAnswers status;
  private final LogsAnswers logs;
  private final Clock clock;

  QuestionAnswers(
      String cluster,
      KubernetesClient client,
      InventoryReader inventory,
      Diagnoser diagnoser,
      StatusAnswers status,
      LogsAnswers logs,
      Clock clock) {
    this.clock = clock;
    this.cluster = cluster;
    this.client = client;
    this.inventory = inventory;
    this.diagnoser = diagnoser;
    this.status = status;
    this.logs = logs;
  }

  /**
   * @param look what the question asks
   * @param namespace a namespace the grammar placed, or null
   * @param name a name the grammar placed, or null
   * @param original the question as written, for "I did not understand"
   * @param thread the conversation thread, for "it" and "logs?" after an answer; null for none
   */
  Answer answer(
      Look look, String namespace, String name, Clues clues, String original, String thread) {
    Instant started = clock.instant();
    Inventory names = inventory.read(clues.text(), InventoryReader.REUSE);
    Target target = resolver.resolve(names, clues, namespace, name);
    if (names.listedAt().isBefore(started) && absent(target)) {
      // "not found" and "what is broken now" must not come from names listed a while ago
      names = inventory.read(clues.text(), Duration.ZERO);
      target = resolver.resolve(names, clues, namespace, name);
    }
    if (target instanceof Target.Nothing && (clues.refersBack() || look == Look.LOGS)) {
      target = threads.last(thread).<Target>map(Target.One::new).orElse(target);
    }
    if (target instanceof Target.One one) {
      threads.remember(thread, one.ref());
    }
    Answer answer =
        switch (target) {
          case Target.One one -> one(look, one.ref(), clues);
          case Target.Scope scope -> scope(look, scope.namespace(), clues);
          case Target.Several several -> askBack(several.refs(), look, names);
          case Target.Missing missing -> NotFound.of(cluster, missing, look);
          case Target.NoNamespace none -> noNamespace(look, none, clues, names, original);
          case Target.Nothing nothing -> nothing(look, clues, names, original);
        };
    if (target instanceof Target.One one && one.partOf() != null && look != Look.LOGS) {
      // a part of a name is a weaker match: say it first, above all when the object then looks
      // healthy while the question says something is broken
      answer =
          answer.withSummary(
              "Not found: nothing named "
                  + one.partOf()
                  + "; the closest is "
                  + one.ref()
                  + ". "
                  + answer.summary());
    }
    if (target instanceof Target.One one && one.runs() != null) {
      answer =
          answer.withSummary(
              "Nothing is named "
                  + one.runs()
                  + "; taking "
                  + one.ref()
                  + ", whose images or labels say "
                  + one.runs()
                  + ". "
                  + answer.summary());
    }
    boolean namespaceIgnored =
        clues.namespace() != null
            && Resolver.namespace(clues.namespace(), names).isEmpty()
            && (target instanceof Target.One || target instanceof Target.Several);
    // "fine in CI", "停在 migration": read past a word that is no namespace, and say so
    return namespaceIgnored
        ? answer.withSummary(
            answer.summary() + " (There is no namespace " + clues.namespace() + ".)")
        : answer;
  }

  /**
   * "Which one?", and when exactly one of the candidates is visibly in trouble, why:
   * "inventory-sync 怎么了" with a crash-looping copy in prod and a healthy one in staging is most
   * likely about prod, and the asker should not have to click to learn it. Still asked back: the
   * question did not say.
   */
  private Answer askBack(java.util.List<ObjectRef> refs, Look look, Inventory names) {
    Answer asked = AskBack.of(refs, look);
    if (look == Look.LOGS || look == Look.STATUS) {
      return asked;
    }
    java.util.List<ObjectRef> troubled =
        refs.stream()
            .filter(
                r ->
                    names.entries().stream()
                        .anyMatch(e -> e.ref().equals(r) && e.trouble() != null))
            .toList();
    if (troubled.size() != 1) {
      return asked;
    }
    String cause =
        OverviewCauses.of(troubled, diagnoser, OverviewCauses.BUDGET).get(troubled.getFirst());
    if (cause == null) {
      return asked;
    }
    java.util.List<Answer.Section> sections = new java.util.ArrayList<>(asked.sections());
    sections.add(
        Replies.section(
            "Of these, in trouble now",
            java.util.List.of(cause, "the others look fine by their status")));
    return Replies.of(
            asked.summary() + " Only " + troubled.getFirst() + " is in trouble.", sections)
        .withChoices(asked.choices());
  }

  /**
   * What the question names, as this cluster's inventory has it — without diagnosing anything: so
   * the clusters a question does not name can be asked whether they hold its object.
   */
  Target locate(String namespace, String name, Clues clues) {
    Instant started = clock.instant();
    Inventory names = inventory.read(clues.text(), InventoryReader.REUSE);
    Target target = resolver.resolve(names, clues, namespace, name);
    if (names.listedAt().isBefore(started) && absent(target)) {
      target =
          resolver.resolve(inventory.read(clues.text(), Duration.ZERO), clues, namespace, name);
    }
    return target;
  }

  private static boolean absent(Target target) {
    return target instanceof Target.Missing
        || target instanceof Target.NoNamespace
        || target instanceof Target.Nothing;
  }

  private Answer one(Look look, ObjectRef ref, Clues clues) {
    boolean workload = WORKLOADS.contains(ref.kind());
    return switch (look) {
      case LOGS -> logs(ref);
      case STATUS ->
          workload && !clues.problem()
              ? status.status(ref.namespace(), ref.name())
              : diagnoser.diagnose(ref);
      case DIAGNOSE, NONE -> diagnoser.diagnose(ref);
    };
  }

  private Answer scope(Look look, String namespace, Clues clues) {
    return switch (look) {
      case LOGS ->
          Replies.text(
              "Whose logs in "
                  + namespace
                  + "? Name a workload or pod, e.g. \"logs of checkout in "
                  + namespace
                  + "\".");
      case STATUS ->
          clues.problem() ? diagnoser.namespace(namespace) : status.status(namespace, null);
      case DIAGNOSE, NONE -> diagnoser.namespace(namespace);
    };
  }

  /**
   * "what's wrong in prod rn" where prod is the cluster, "nodes in tke cluster": a word after "in"
   * that is no namespace, with nothing else named, is said so — and the question is still answered
   * as one that names nothing, since that is what it turned out to be.
   */
  private Answer noNamespace(
      Look look, Target.NoNamespace none, Clues clues, Inventory names, String original) {
    Answer said = NotFound.noNamespace(cluster, none);
    if (look == Look.LOGS) {
      return said;
    }
    Answer now = nothing(look, clues, names, original);
    return Replies.of(said.summary() + " " + now.summary(), now.sections())
        .withChoices(now.choices());
  }

  private Answer nothing(Look look, Clues clues, Inventory names, String original) {
    if (look == Look.STATUS && !clues.problem()) {
      return status.status(null, null);
    }
    if (look == Look.NONE && !clues.problem() && !Asking.question(original)) {
      return Overview.notUnderstood(cluster, names, diagnoser, original);
    }
    if (look == Look.LOGS) {
      return Replies.text(
          "Whose logs? Name a workload or pod, e.g. \"logs of checkout in staging\".");
    }
    return Overview.of(cluster, names, diagnoser);
  }

  /** Logs come from pods: of the pod itself, of a workload's worst pod, of a job's newest pod. */
  private Answer logs(ObjectRef ref) {
    if (ref.kind().equals("Pod") || WORKLOADS.contains(ref.kind())) {
      return logs.logs(ref.namespace(), ref.name());
    }
    if (ref.kind().equals("Job")) {
      var pods =
          client
              .pods()
              .inNamespace(ref.namespace())
              .withLabel("job-name", ref.name())
              .list()
              .getItems();
      if (!pods.isEmpty()) {
        return logs.logs(ref.namespace(), pods.getLast().getMetadata().getName());
      }
      return Replies.text(ref + " has no pods left, so there are no logs to show.");
    }
    return Replies.text(
        "Logs come from pods, and "
            + ref
            + " runs none itself: ask for the logs of the workload or pod behind it.");
  }
}
