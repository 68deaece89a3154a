package lookout.agent.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.Clues;
import lookout.agent.grammar.CommonWords;

/**
 * Turns a question's clues into the object it is about, against the cluster's inventory. A name the
 * grammar placed ("status of x", "x 的日志", "deploy/x") is tried first, exactly; otherwise the names
 * the text mentions are found ({@link Mentions}). A namespace written with a marker ("in shop", "-n
 * shop", "shop 下的") or mentioned anywhere narrows the matches; an object that exists as several
 * kinds under one name (a Deployment, its Service and its HPA) is one answer, the kind the words
 * hint at or else the workload; the same name in several namespaces is asked back. When no name
 * matches, what a workload runs or is labelled as (its image, container, version, app or Helm
 * release label) finds it, and the answer says so.
 */
public final class Resolver {
  /** Most objects offered to choose from; more are cut (narrow by namespace). */
  static final int MAX_CHOICES = 6;

  private static final Pattern NAME_LIKE =
      Pattern.compile("[a-z0-9]+(?:[-.][a-z0-9]+)+|[a-z]+[0-9]+[a-z0-9]*");

  /** Kinds in the order a bare name means them: the workload before what points at it. */
  private static final List<String> DEFAULT_ORDER =
      List.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "CronJob",
          "Job",
          "Service",
          "Ingress",
          "HorizontalPodAutoscaler",
          "PersistentVolumeClaim",
          "Pod",
          "Node",
          "Namespace");

  /**
   * @param namespaceHint a namespace the command named, or null (the clues' marker is used then)
   * @param nameHint a name the command placed, or null
   */
  public Target resolve(Inventory inventory, Clues clues, String namespaceHint, String nameHint) {
    Mentions mentions = new Mentions(inventory);
    String name = nameHint != null ? nameHint : clues.name();
    Set<String> namespaces = new LinkedHashSet<>();
    boolean explicitNamespace = false;
    if (clues.namespace() != null) {
      // written with a marker ("in qa", "-n qa", "qa 的 …"): it must exist
      Optional<String> real = namespace(clues.namespace(), inventory);
      if (real.isPresent()) {
        namespaces.add(real.get());
        explicitNamespace = true;
      } else if (!objects(mentions.exact(clues.namespace())).isEmpty()) {
        // "checkout 的日志", "order-history 的 init 容器": what looked like a namespace is the object
        name = clues.namespace();
      } else {
        // "日志停在 migration", "fine in CI": a word after in/在 that is no namespace is only one
        // when nothing else the question says resolves
        Target rest = resolve(inventory, clues.withoutNamespace(), namespaceHint, nameHint);
        return rest instanceof Target.One || rest instanceof Target.Several
            ? rest
            : new Target.NoNamespace(clues.namespace(), inventory.namespaces());
      }
    } else if (namespaceHint != null) {
      namespace(namespaceHint, inventory).ifPresent(namespaces::add); // placed by convention only
    }
    Set<String> placedIn = new java.util.HashSet<>(namespaces);
    List<String> namespaceWords = new ArrayList<>();
    List<String> partial = new ArrayList<>();
    List<String> running = new ArrayList<>();
    List<List<Inventory.Entry>> groups =
        mentioned(mentions, clues, namespaces, explicitNamespace, namespaceWords, partial, running);
    List<Inventory.Entry> placed = name == null ? List.of() : objects(mentions.exact(name));
    if (placed.stream().anyMatch(e -> placedIn.contains(e.ref().namespace()))
        && !inLongerName(mentions, clues.text(), name)) {
      // "data/clickhouse statefulset": the name written as ns/name is the object, whatever longer
      // names ("data-clickhouse-0") its words also come close to
      groups = List.of(placed);
      partial.clear();
      running.clear();
    }
    if (!groups.isEmpty() && clues.name() != null) {
      // several names mentioned, one of them with a marker ("logs of x …"): that one
      List<List<Inventory.Entry>> marked =
          groups.stream()
              .filter(g -> Names.squash(g.get(0).ref().name()).equals(Names.squash(clues.name())))
              .toList();
      if (!marked.isEmpty()) {
        groups = marked;
        partial.clear();
        running.clear();
      }
    }
    if (groups.isEmpty() && name != null) {
      // names that are ordinary words ("deploy/status") are found only where the grammar put them
      List<Inventory.Entry> exact = objects(mentions.exact(name));
      if (!exact.isEmpty()) {
        groups = List.of(exact);
      }
    }
    List<ObjectRef> refs =
        WorkloadOverClaims.prefer(
            choose(groups, namespaces, explicitNamespace, clues.kinds()), clues.text());
    refs = workloadOverItsNode(podOverItsOwner(refs));
    String roleNamed =
        partial.size() == 1 ? NameGuesses.withRole(clues.text(), partial.getFirst(), refs) : null;
    if (roleNamed != null) {
      // "why is kyc service down" with kyc-gateway and kyc-worker: the name written is
      // kyc-service and nothing has it — not found, the kyc-* objects as the nearest
      String where = namespaces.isEmpty() ? null : namespaces.iterator().next();
      return missing(roleNamed, where, refs.stream().limit(MAX_CHOICES).toList(), inventory);
    }
    if (refs.size() == 1) {
      return new Target.One(
          refs.get(0),
          partial.size() == 1 ? partial.getFirst() : null,
          running.size() == 1 ? running.getFirst() : null);
    }
    if (refs.size() > 1) {
      return new Target.Several(refs.stream().limit(MAX_CHOICES).toList());
    }
    Optional<ObjectRef> named =
        explicitNamespace
            ? Optional.empty()
            : NamespaceWorkload.of(inventory, namespaceWords, name);
    if (named.isPresent()) {
      return new Target.One(named.get());
    }
    // a name written like one, or placed by a marker, that matched nothing is "not found"; a plain
    // word the grammar merely guessed at ("why is everything slow") is no name at all
    String guessed = name != null && NAME_LIKE.matcher(name).matches() ? name : clues.name();
    String wanted = guessed != null ? guessed : wanted(clues.text(), mentions);
    if (wanted == null) {
      // a weaker guess: a namespace named is the better subject, unless the guess is that
      // namespace's name with a role ("billing api" where namespace billing has no billing-api)
      String guess = NameGuesses.spaced(clues.text());
      if (guess != null
          && (namespaces.isEmpty()
              || namespaces.stream().anyMatch(n -> guess.startsWith(n + "-")))) {
        wanted = guess;
      }
    }
    if (wanted != null && !(namespaces.contains(wanted))) {
      String where = namespaces.isEmpty() ? null : namespaces.iterator().next();
      return missing(wanted, where, Nearest.to(wanted, inventory), inventory);
    }
    if (!namespaces.isEmpty()) {
      String where = namespaces.iterator().next();
      return Folding.onlyRunner(inventory, where, clues.kinds())
          .<Target>map(Target.One::new)
          .orElseGet(() -> new Target.Scope(where));
    }
    return new Target.Nothing();
  }

  /**
   * The objects the text mentions, by mention, only those matched best (whole names before typos,
   * typos before parts of names, parts before translated Chinese words); namespaces mentioned go to
   * {@code namespaces}, the words of mentions found only as part of a name to {@code partial}.
   */
  private static List<List<Inventory.Entry>> mentioned(
      Mentions mentions,
      Clues clues,
      Set<String> namespaces,
      boolean explicitNamespace,
      List<String> namespaceWords,
      List<String> partial,
      List<String> running) {
    List<Mentions.Match> found = new ArrayList<>(mentions.find(Mentions.words(clues.text())));
    if (found.stream().allMatch(m -> objects(m.entries()).isEmpty())) {
      found.addAll(mentions.translated(clues.text()));
    }
    if (found.stream().allMatch(m -> objects(m.entries()).isEmpty())) {
      // no name at all: what a workload runs or is labelled as ("fluent bit", "postgres", "2.0.0")
      found.addAll(mentions.running(Mentions.words(clues.text())));
    }
    if (found.stream().allMatch(m -> objects(m.entries()).isEmpty())) {
      found.addAll(mentions.nearParts(Mentions.words(clues.text()))); // "usercentre"
    }
    int best =
        found.stream()
            .filter(m -> !objects(m.entries()).isEmpty())
            .mapToInt(Mentions.Match::distance)
            .min()
            .orElse(0);
    boolean severalSpans = found.stream().filter(m -> !objects(m.entries()).isEmpty()).count() > 1;
    List<List<Inventory.Entry>> groups = new ArrayList<>();
    long named = found.stream().filter(m -> !objects(m.entries()).isEmpty()).count();
    for (Mentions.Match m : found) {
      List<Inventory.Entry> objects = objects(m.entries());
      if (named > 1 && !objects.isEmpty() && saidFine(clues.text(), m.text())) {
        continue; // "thumbor 好好的为什么 cdn-origin 一直 502": the one said to be fine is not asked about
      }
      boolean isNamespace = m.entries().stream().anyMatch(e -> e.ref().kind().equals("Namespace"));
      if (isNamespace && (objects.isEmpty() || severalSpans)) {
        if (!explicitNamespace) {
          m.entries().stream()
              .filter(e -> e.ref().kind().equals("Namespace"))
              .forEach(
                  e -> {
                    namespaces.add(e.ref().name());
                    namespaceWords.add(e.ref().name());
                  });
        }
        continue; // "shop" in "reviews in shop" is where, not what
      }
      if (!objects.isEmpty() && m.distance() == best) {
        groups.add(objects);
        if (m.distance() == Mentions.PART) {
          partial.add(m.text()); // found only as a part of a longer name: a weaker match
        } else if (m.distance() == Mentions.RUNS) {
          running.add(m.text()); // found by what it runs: weaker still, and said so
        }
      }
    }
    return groups;
  }

  /**
   * "retail 的 pricing api": the grammar placed "pricing" (a Deployment), but the words go on to
   * name pricing-api whole — the longer name is what was written.
   */
  private static boolean inLongerName(Mentions mentions, String text, String name) {
    String placed = Names.squash(name);
    return mentions.find(Mentions.words(text)).stream()
        .anyMatch(
            m ->
                m.length() > 1
                    && m.distance() == 0
                    && !objects(m.entries()).isEmpty()
                    && Names.squash(m.text()).startsWith(placed)
                    && !Names.squash(m.text()).equals(placed));
  }

  private static final Pattern SAID_FINE =
      Pattern.compile(
          "^\\s*(?:是|都|还|也)?\\s*(?:好好的|正常|没问题|没事|ok|is (?:fine|ok|up|healthy|working)|works"
              + "|looks (?:fine|ok|good)|seems (?:fine|ok))");

  /** The words right after {@code mention} in {@code text} say it is fine. */
  private static boolean saidFine(String text, String mention) {
    int at = text.indexOf(mention);
    return at >= 0 && SAID_FINE.matcher(text.substring(at + mention.length())).find();
  }

  /**
   * One object per (namespace, name), in the namespaces named when any match there, the kind the
   * words hint at or else the workload first.
   */
  static List<ObjectRef> choose(
      List<List<Inventory.Entry>> groups,
      Set<String> namespaces,
      boolean strict,
      List<String> hinted) {
    List<Inventory.Entry> all = groups.stream().flatMap(List::stream).toList();
    if (!namespaces.isEmpty()) {
      List<Inventory.Entry> inside =
          all.stream()
              .filter(e -> e.ref().namespace() == null || namespaces.contains(e.ref().namespace()))
              .toList();
      if (strict || !inside.isEmpty()) {
        all =
            inside; // a namespace written with a marker must hold the object; one merely mentioned
        // narrows
      }
    }
    Map<String, List<Inventory.Entry>> byObject = new LinkedHashMap<>();
    for (Inventory.Entry e : all) {
      byObject
          .computeIfAbsent(e.ref().namespace() + "/" + e.ref().name(), k -> new ArrayList<>())
          .add(e);
    }
    List<ObjectRef> out = new ArrayList<>();
    for (List<Inventory.Entry> same : byObject.values()) {
      out.add(
          same.stream()
              .min(java.util.Comparator.comparingInt(e -> rank(e.ref().kind(), hinted)))
              .orElseThrow()
              .ref());
    }
    out = Folding.withoutParts(out);
    if (out.size() > 1 && !hinted.isEmpty()) {
      // "the trino volume": of different objects, the one of the kind the words name or hint at
      List<ObjectRef> ofKind = out.stream().filter(r -> r.kind().equals(hinted.get(0))).toList();
      if (ofKind.size() == 1) {
        return ofKind;
      }
    }
    return out;
  }

  private static int rank(String kind, List<String> hinted) {
    int hint = hinted.indexOf(kind);
    return hint >= 0 ? hint : hinted.size() + DEFAULT_ORDER.indexOf(kind);
  }

  private static List<Inventory.Entry> objects(List<Inventory.Entry> entries) {
    return entries.stream().filter(e -> !e.ref().kind().equals("Namespace")).toList();
  }

  /** The namespace meant by {@code written}: itself, or the one a typo away. */
  public static Optional<String> namespace(String written, Inventory inventory) {
    if (inventory.namespaceExists(written)) {
      return Optional.of(written);
    }
    String key = Names.squash(written);
    // written after "in" or "-n", a four-letter namespace may carry one slip too ("shpo" → shop)
    int tolerance = Math.max(Names.tolerance(key.length()), key.length() >= 4 ? 1 : 0);
    List<String> close =
        inventory.namespaces().stream()
            .filter(n -> Names.distance(key, Names.squash(n), tolerance) <= tolerance)
            .toList();
    return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
  }

  /** Nothing is named {@code wanted} (in {@code where}, or anywhere when null). */
  private static Target missing(
      String wanted, String where, List<ObjectRef> nearest, Inventory inventory) {
    return new Target.Missing(
        wanted,
        where,
        nearest,
        new Target.Searched(
            inventory.kinds(), where == null ? inventory.namespaces() : List.of(where)),
        inventory.unreadable());
  }

  /** A word written like a Kubernetes name ({@code foo-bar}, {@code web2}) that matched nothing. */
  private static String wanted(String text, Mentions mentions) {
    for (Mentions.Word w : Mentions.words(text)) {
      if ((NAME_LIKE.matcher(w.text()).matches() || NameGuesses.endsWithRole(w.text()))
          && !CommonWords.common(w.text())
          && mentions.exact(w.text()).isEmpty()) {
        return w.text();
      }
    }
    return null;
  }

  /**
   * "zk-2 of zk is gone", "pg-1 keeps restarting, pg-2 never came": a pod and the workload it
   * belongs to are one subject, and the pod is the precise one (its answer names the workload).
   */
  static List<ObjectRef> podOverItsOwner(List<ObjectRef> refs) {
    List<ObjectRef> pods = refs.stream().filter(r -> r.kind().equals("Pod")).toList();
    if (pods.size() != 1 || refs.size() < 2) {
      return refs;
    }
    ObjectRef pod = pods.getFirst();
    boolean ownersOnly =
        refs.stream()
            .filter(r -> r != pod)
            .allMatch(
                r ->
                    OWNERS.contains(r.kind())
                        && java.util.Objects.equals(r.namespace(), pod.namespace())
                        && pod.name().startsWith(r.name() + "-"));
    return ownersOnly ? List.of(pod) : refs;
  }

  /**
   * "pdf-export evicted on wk-02?", "checkout 在 node-3 上起不来": one object and the node(s) it is said
   * to run on — the node is where, the object is what; its diagnosis covers the node.
   */
  static List<ObjectRef> workloadOverItsNode(List<ObjectRef> refs) {
    List<ObjectRef> others = refs.stream().filter(r -> !r.kind().equals("Node")).toList();
    return refs.size() >= 2 && others.size() == 1 ? others : refs;
  }

  private static final Set<String> OWNERS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet");
}
