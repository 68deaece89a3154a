package lookout.agent.resolve;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lookout.agent.analyzers.ObjectRef;

/**
 * The names that exist in a cluster right now, for resolving what a question mentions.
 *
 * @param entries every object read, namespaces and nodes included
 * @param namespaces the namespace names, sorted
 * @param kinds the kinds that were searched, in reading order
 * @param unreadable kinds that could not be read, with why ("forbidden: …"); they were not searched
 * @param listedAt when the kinds were listed (pods named in the question are looked up every time)
 * @param names the entries indexed for matching
 */
public record Inventory(
    List<Entry> entries,
    List<String> namespaces,
    List<String> kinds,
    Map<String, String> unreadable,
    Instant listedAt,
    NameIndex names) {
  public Inventory {
    Objects.requireNonNull(listedAt, "listedAt");
    Objects.requireNonNull(names, "names");
    entries = List.copyOf(entries);
    namespaces = List.copyOf(namespaces);
    kinds = List.copyOf(kinds);
    unreadable = Map.copyOf(unreadable);
  }

  /** An inventory indexed here: for tests and benchmarks that build one by hand. */
  public Inventory(
      List<Entry> entries,
      List<String> namespaces,
      List<String> kinds,
      Map<String, String> unreadable,
      Instant listedAt) {
    this(entries, namespaces, kinds, unreadable, listedAt, NameIndex.of(entries));
  }

  /**
   * One object.
   *
   * @param trouble what is wrong with it in a few words ("0/2 ready", "failed:
   *     BackoffLimitExceeded", "Pending"), or null when nothing visible is
   * @param aliases other names people use for it: an ingress's hosts, a service's DNS names
   * @param runs what a workload runs and is labelled as, a weaker way people name it: its
   *     containers, its images (without registry or tag), the image tags (versions) and its app and
   *     Helm release labels ("fluent bit" for a DaemonSet log-shipper running fluent-bit)
   */
  public record Entry(ObjectRef ref, String trouble, List<String> aliases, List<String> runs) {
    public Entry {
      Objects.requireNonNull(ref, "ref");
      aliases = List.copyOf(aliases);
      runs = List.copyOf(runs);
    }

    public Entry(ObjectRef ref, String trouble, List<String> aliases) {
      this(ref, trouble, aliases, List.of());
    }

    public Entry(ObjectRef ref, String trouble) {
      this(ref, trouble, List.of(), List.of());
    }
  }

  public boolean namespaceExists(String namespace) {
    return namespaces.contains(namespace);
  }
}
