package lookout.agent.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lookout.agent.grammar.CommonWords;

/**
 * Finds the existing names a text mentions. The text is cut into runs of Latin words (Chinese text
 * and punctuation end a run, so "shop下的reviews" is two runs); every run of one to {@value
 * #MAX_WORDS} neighbouring words is compared with every name with separators and case ignored
 * ("payment api" is {@code payment-api}), then with a small typo allowed ("paymnet-api"). Longer
 * mentions win over the shorter ones inside them ("payment api" over a service called {@code api});
 * a generated pod name that no longer exists points at its owner ({@code checkout-7d9f8c6b5d-x2k4p}
 * → {@code checkout}).
 */
final class Mentions {
  static final int MAX_WORDS = 4;

  private static final Pattern SEGMENTS = Pattern.compile("[^a-z0-9_.:/\\s-]+");
  private static final Set<String> OWNER_KINDS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet");
  private static final List<Pattern> GENERATED =
      List.of(
          Pattern.compile("(.+)-[a-z0-9]{6,10}-[a-z0-9]{5}"),
          Pattern.compile("(.+)-[0-9]{8,}-[a-z0-9]{5}"),
          Pattern.compile("(.+)-[a-z0-9]{5}"),
          Pattern.compile("(.+)-[0-9]{1,4}"));

  /** One word of the text and the run it belongs to. */
  record Word(String text, int run) {}

  /**
   * Words {@code start} (inclusive) to {@code end} (exclusive) name {@code entries}, all with the
   * same squashed name at edit distance {@code distance}.
   */
  record Match(int start, int end, String text, List<Inventory.Entry> entries, int distance) {
    int length() {
      return end - start;
    }

    boolean overlaps(Match other) {
      return start < other.end && other.start < end;
    }
  }

  private final Map<String, List<Inventory.Entry>> byName = new HashMap<>();
  private final Map<Integer, List<String>> fuzzyByLength = new HashMap<>();

  Mentions(Inventory inventory) {
    for (Inventory.Entry e : inventory.entries()) {
      byName.computeIfAbsent(Names.squash(e.ref().name()), k -> new ArrayList<>()).add(e);
    }
    byName.forEach(
        (key, entries) -> {
          if (entries.stream().anyMatch(e -> !e.ref().kind().equals("Pod"))) {
            fuzzyByLength.computeIfAbsent(key.length(), k -> new ArrayList<>()).add(key);
          }
        });
  }

  /** The words of a normalized (lower-cased) text, flags ({@code -n}) left out. */
  static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    String[] runs = SEGMENTS.split(text);
    for (int run = 0; run < runs.length; run++) {
      for (String piece : runs[run].split("[\\s/]+")) {
        String w = piece.replaceAll("^[.:_]+|[.:_-]+$", "");
        if (!w.isEmpty() && !w.startsWith("-") && !w.contains("=")) {
          out.add(new Word(w, run));
        }
      }
    }
    return out;
  }

  /** Objects whose name is {@code name}, separators and case ignored. */
  List<Inventory.Entry> exact(String name) {
    return byName.getOrDefault(Names.squash(name), List.of());
  }

  /** The mentions in {@code words}, longest first where they overlap, in text order. */
  List<Match> find(List<Word> words) {
    List<Match> all = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (int n = 1; n <= MAX_WORDS && i + n <= words.size(); n++) {
        if (words.get(i + n - 1).run() != words.get(i).run()) {
          break;
        }
        match(words.subList(i, i + n), i).ifPresent(all::add);
      }
    }
    all.sort(
        Comparator.comparingInt(Match::length)
            .reversed()
            .thenComparingInt(Match::distance)
            .thenComparingInt(Match::start));
    List<Match> kept = new ArrayList<>();
    for (Match m : all) {
      if (kept.stream().noneMatch(m::overlaps)) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(Match::start));
    return kept;
  }

  private java.util.Optional<Match> match(List<Word> gram, int start) {
    StringBuilder joined = new StringBuilder();
    StringBuilder spaced = new StringBuilder();
    boolean allCommon = true;
    for (Word w : gram) {
      joined.append(w.text());
      spaced.append(spaced.isEmpty() ? "" : " ").append(w.text());
      allCommon &= CommonWords.common(w.text()) || w.text().chars().allMatch(Character::isDigit);
    }
    String key = Names.squash(joined.toString());
    if (key.length() < 2 || key.chars().allMatch(Character::isDigit) || allCommon) {
      return java.util.Optional.empty(); // "the", "3", "log": never a name on their own
    }
    int end = start + gram.size();
    List<Inventory.Entry> exact = byName.get(key);
    if (exact != null) {
      return java.util.Optional.of(new Match(start, end, spaced.toString(), exact, 0));
    }
    if (gram.size() == 1) {
      List<Inventory.Entry> owner = owner(key, gram.get(0).text());
      if (!owner.isEmpty()) {
        return java.util.Optional.of(new Match(start, end, spaced.toString(), owner, 0));
      }
    }
    int tolerance = Names.tolerance(key.length());
    if (tolerance == 0) {
      return java.util.Optional.empty();
    }
    int best = tolerance + 1;
    List<Inventory.Entry> closest = new ArrayList<>();
    for (int len = key.length() - tolerance; len <= key.length() + tolerance; len++) {
      for (String name : fuzzyByLength.getOrDefault(len, List.of())) {
        // the shorter name sets the tolerance: "checkout-v2" is not a typo of "checkout"
        int allowed = Names.tolerance(Math.min(key.length(), name.length()));
        int d = Names.distance(key, name, allowed);
        if (d > allowed) {
          continue;
        }
        if (d < best) {
          best = d;
          closest.clear();
        }
        if (d == best) {
          byName.get(name).stream()
              .filter(e -> !e.ref().kind().equals("Pod"))
              .forEach(closest::add);
        }
      }
    }
    return closest.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Match(start, end, spaced.toString(), closest, best));
  }

  /** The controller a generated pod name points at, when the pod itself is gone. */
  private List<Inventory.Entry> owner(String key, String word) {
    if (!InventoryReader.POD_SHAPE.matcher(word).matches()) {
      return List.of();
    }
    for (Pattern generated : GENERATED) {
      Matcher m = generated.matcher(word);
      if (m.matches()) {
        List<Inventory.Entry> owners =
            byName.getOrDefault(Names.squash(m.group(1)), List.of()).stream()
                .filter(e -> OWNER_KINDS.contains(e.ref().kind()))
                .toList();
        if (!owners.isEmpty()) {
          return owners;
        }
      }
    }
    return List.of();
  }
}
