package lookout.agent.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of an inventory indexed for matching: by squashed name, by length (for typos), and by
 * runs of their parts ({@link Parts}). Built once per listing of the cluster and shared by the
 * questions that reuse it; the few pods a question names are laid over it ({@link #with}).
 */
public final class NameIndex {
  private final NameIndex base;
  private final Map<String, List<Inventory.Entry>> byName = new HashMap<>();
  private final Map<Integer, List<String>> fuzzyByLength = new HashMap<>();
  private final Parts parts;
  private final Map<String, List<Inventory.Entry>> byRuns = new HashMap<>();
  private final Map<String, List<Inventory.Entry>> byTag = new HashMap<>();

  private NameIndex(NameIndex base, List<Inventory.Entry> entries) {
    this.base = base;
    this.parts = new Parts(entries);
    for (Inventory.Entry e : entries) {
      byName.computeIfAbsent(Names.squash(e.ref().name()), k -> new ArrayList<>()).add(e);
    }
    byName.forEach(
        (key, list) -> {
          if (list.stream().anyMatch(e -> !e.ref().kind().equals("Pod"))) {
            fuzzyByLength.computeIfAbsent(key.length(), k -> new ArrayList<>()).add(key);
          }
        });
    for (Inventory.Entry e : entries) {
      for (String run : e.runs()) {
        if (run.startsWith(Runs.TAG)) {
          add(byTag, run.substring(Runs.TAG.length()), e);
        } else {
          add(byRuns, Names.squash(run), e);
        }
      }
    }
    Map<String, List<Inventory.Entry>> aliases = new HashMap<>();
    for (Inventory.Entry e : entries) {
      for (String alias : e.aliases()) {
        aliases.computeIfAbsent(Names.squash(alias), k -> new ArrayList<>()).add(e);
      }
    }
    // an alias is matched whole and exactly, never corrected for typos
    aliases.forEach(
        (key, list) -> byName.computeIfAbsent(key, k -> new ArrayList<>()).addAll(list));
  }

  public static NameIndex of(List<Inventory.Entry> entries) {
    return new NameIndex(null, entries);
  }

  /** This index with {@code more} entries laid over it; this one is not copied or changed. */
  public NameIndex with(List<Inventory.Entry> more) {
    return new NameIndex(this, more);
  }

  private static void add(
      Map<String, List<Inventory.Entry>> map, String key, Inventory.Entry entry) {
    List<Inventory.Entry> list = map.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(entry)) {
      list.add(entry);
    }
  }

  /** The workloads that run or are labelled {@code key} (squashed), see {@link Runs}. */
  List<Inventory.Entry> running(String key) {
    return layered(byRuns, key, base == null ? List.of() : base.running(key));
  }

  /** The workloads whose images carry the tag {@code version}. */
  List<Inventory.Entry> tagged(String version) {
    return layered(byTag, version, base == null ? List.of() : base.tagged(version));
  }

  private static List<Inventory.Entry> layered(
      Map<String, List<Inventory.Entry>> own, String key, List<Inventory.Entry> below) {
    List<Inventory.Entry> mine = own.getOrDefault(key, List.of());
    if (below.isEmpty()) {
      return mine;
    }
    List<Inventory.Entry> all = new ArrayList<>(below);
    all.addAll(mine);
    return all;
  }

  /** The entries whose squashed name is {@code key}. */
  List<Inventory.Entry> exact(String key) {
    List<Inventory.Entry> own = byName.get(key);
    List<Inventory.Entry> below = base == null ? List.of() : base.exact(key);
    if (own == null) {
      return below;
    }
    if (below.isEmpty()) {
      return own;
    }
    List<Inventory.Entry> all = new ArrayList<>(below);
    all.addAll(own);
    return all;
  }

  /** Squashed names (of objects other than pods) {@code length} characters long. */
  List<String> ofLength(int length) {
    List<String> own = fuzzyByLength.getOrDefault(length, List.of());
    if (base == null) {
      return own;
    }
    List<String> all = new ArrayList<>(base.ofLength(length));
    all.addAll(own);
    return all;
  }

  /** The objects whose name has a run of parts a small typo from {@code key}. */
  List<Inventory.Entry> partNear(String key) {
    List<Inventory.Entry> own = parts.near(key);
    if (base == null) {
      return own;
    }
    List<Inventory.Entry> all = new ArrayList<>(base.partNear(key));
    all.addAll(own);
    return all;
  }

  /** The objects whose name has {@code key} as a run of its parts. */
  List<Inventory.Entry> part(String key) {
    List<Inventory.Entry> own = parts.find(key);
    if (base == null) {
      return own;
    }
    List<Inventory.Entry> all = new ArrayList<>(base.part(key));
    all.addAll(own);
    return all;
  }
}
