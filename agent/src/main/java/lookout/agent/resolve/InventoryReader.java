package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the names a question can mention: namespaces, nodes, workloads, services, jobs, cronjobs,
 * claims, autoscalers and ingresses of every namespace ({@link KindLists}), kept for a short while
 * so a conversation does not list the cluster for every message — a caller that needs the newest
 * (nothing found, what is broken now) asks for a fresh read. Pods are not listed: only the pod
 * names the text could be (words shaped like {@code web-7d9f8c6b5d-x2k4p} or {@code db-0}) are
 * looked up, one request each, every time.
 */
public final class InventoryReader {
  /** How long listed names are reused by default. */
  public static final Duration REUSE = Duration.ofSeconds(20);

  private static final int MAX_POD_LOOKUPS = 3;

  /** A generated pod name: {@code <owner>-<hash>-<5>}, {@code <owner>-<5>} or {@code <sts>-<n>}. */
  static final Pattern POD_SHAPE =
      Pattern.compile("[a-z0-9][-a-z0-9.]*-(?:[a-z0-9]{5}|[0-9]{1,4})");

  private final KubernetesClient client;
  private final Clock clock;
  private KindLists.Listed listed; // guarded by this
  private NameIndex listedNames; // guarded by this
  private Instant listedAt; // guarded by this

  public InventoryReader(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Everything a question could name, listed at most {@code maxAge} ago, plus the pods {@code text}
   * (the question, normalized) could be naming.
   */
  public Inventory read(String text, Duration maxAge) {
    KindLists.Listed kinds;
    NameIndex names;
    Instant at;
    synchronized (this) {
      if (listed == null || listedAt.plus(maxAge).isBefore(clock.instant())) {
        listed = KindLists.read(client);
        listedNames = NameIndex.of(listed.entries());
        listedAt = clock.instant();
      }
      kinds = listed;
      names = listedNames;
      at = listedAt;
    }
    List<Inventory.Entry> entries = new ArrayList<>(kinds.entries());
    Map<String, String> unreadable = new LinkedHashMap<>(kinds.unreadable());
    List<String> searched = new ArrayList<>(kinds.kinds());
    List<Inventory.Entry> named = List.of();
    try {
      named = pods(text);
      searched.add("Pod");
    } catch (RuntimeException e) {
      unreadable.put("Pod", KindLists.why(e));
    }
    entries.addAll(named);
    TreeSet<String> namespaces = new TreeSet<>();
    for (Inventory.Entry e : entries) {
      if (e.ref().kind().equals("Namespace")) {
        namespaces.add(e.ref().name());
      } else if (e.ref().namespace() != null) {
        namespaces.add(
            e.ref().namespace()); // namespaces may be unreadable while their objects are not
      }
    }
    return new Inventory(
        entries, List.copyOf(namespaces), searched, unreadable, at, names.with(named));
  }

  /**
   * The pods named exactly like a word of {@code text}, a few lookups at most: a question names a
   * pod by pasting its name, and listing every pod of a large cluster per question would not pay.
   */
  private List<Inventory.Entry> pods(String text) {
    Set<String> words =
        Mentions.words(text).stream()
            .map(Mentions.Word::text)
            .filter(w -> POD_SHAPE.matcher(w).matches())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return words.isEmpty() ? List.of() : KindLists.entries(lookUp(words), "Pod", Trouble::of);
  }

  private List<Pod> lookUp(Set<String> words) {
    List<Pod> found = new ArrayList<>();
    words.stream()
        .limit(MAX_POD_LOOKUPS)
        .forEach(
            word ->
                client
                    .pods()
                    .inAnyNamespace()
                    .withField("metadata.name", word)
                    .list()
                    .getItems()
                    .stream()
                    .filter(p -> word.equals(p.getMetadata().getName())) // servers may ignore it
                    .forEach(found::add));
    return found;
  }
}
