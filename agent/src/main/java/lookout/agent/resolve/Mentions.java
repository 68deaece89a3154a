package lookout.agent.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

  /**
   * Generated names, the shortest strip first so the nearest owner that exists wins: a pod of a
   * Job, DaemonSet or StatefulSet; a ReplicaSet, then its pod; a cron job's Job, then its pod.
   */
  private static final List<Pattern> GENERATED =
      List.of(
          Pattern.compile("(.+)-[a-z0-9]{5}"),
          Pattern.compile("(.+)-[0-9]{1,4}"),
          Pattern.compile("(.+)-(?=[a-z]*[0-9])[a-z0-9]{6,10}"),
          Pattern.compile("(.+)-(?=[a-z]*[0-9])[a-z0-9]{6,10}-[a-z0-9]{5}"),
          Pattern.compile("(.+)-[0-9]{8,}"),
          Pattern.compile("(.+)-[0-9]{8,}-[a-z0-9]{5}"),
          // a pod name with a placeholder or cut short, as people paste it: "image-resizer-xxx",
          // "superset-5d4", "api-7d9f8c6b5d-…"
          Pattern.compile("(.+)-(?:x{3,}|\\.{3})"),
          Pattern.compile("(.+)-(?=[a-z]*[0-9])[a-z0-9]{6,10}-(?:x{3,}|\\.{3})"),
          // cut short: 3-4 characters of the alphabet Kubernetes draws hashes from (no vowels, no
          // 0, 1, 3), a digit among them — so checkout-v2 or api-v10 are no pod names
          Pattern.compile("(.+)-(?=[a-z]*[2456789])[bcdfghjklmnpqrstvwxz2456789]{3,4}"));

  /** Match distances below the typo range: a run of a name's parts, a translated Chinese word. */
  static final int PART = 3;

  static final int TRANSLATED = 4;

  /** Below a translation: the words name what a workload runs, not the workload ({@link Runs}). */
  static final int RUNS = 5;

  /** An image version as people write it: 2.0.0, v1.9.4, 1.27-alpine. */
  private static final Pattern VERSION =
      Pattern.compile(
          "v?\\d+(?:\\.\\d+)+(?:[-+][a-z0-9.]+)?|(?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{7,40}");

  private static final Pattern RATIO = Pattern.compile("(?<![\\w/-])\\d+/\\d+(?![\\w/-])");

  /**
   * "https://shop.example.io/cart 503": the host names the ingress; the path's words are routes,
   * not objects (a Deployment called cart is behind that ingress, it is not a second subject).
   */
  private static final Pattern URL_PATH =
      Pattern.compile("(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,})(?::\\d+)?/[^\\s]*");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

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

  private final NameIndex names;

  Mentions(Inventory inventory) {
    this.names = inventory.names();
  }

  /** The words of a normalized (lower-cased) text, flags ({@code -n}) left out. */
  static List<Word> words(String text) {
    List<Word> out = new ArrayList<>();
    // "kafka 2/3", "1/3 ready": a ratio of pods is no ns/name and its numbers no part of a name
    String[] runs =
        SEGMENTS.split(RATIO.matcher(URL_PATH.matcher(text).replaceAll("$1")).replaceAll(" "));
    for (int run = 0; run < runs.length; run++) {
      for (String piece : runs[run].split("[\\s/]+")) {
        // "pricing.trade.svc:80": the port is no part of the name
        String w = piece.replaceAll(":\\d{1,5}$", "").replaceAll("^[.:_]+|[.:_-]+$", "");
        if (!w.isEmpty() && !w.startsWith("-") && !w.contains("=")) {
          out.add(new Word(w, run));
        }
      }
    }
    return out;
  }

  /** Objects whose name is {@code name}, separators and case ignored. */
  List<Inventory.Entry> exact(String name) {
    return names.exact(Names.squash(name));
  }

  /** The mentions in {@code words}, longest first where they overlap, in text order. */
  List<Match> find(List<Word> words) {
    return spans(words, this::match);
  }

  /**
   * The workloads {@code words} name by what they run or are labelled as ({@link Runs}): a
   * container, an image, an image's version, an app or Helm release label. Weaker than any name.
   */
  List<Match> running(List<Word> words) {
    return spans(words, this::runMatch);
  }

  private java.util.Optional<Match> runMatch(List<Word> gram, int start) {
    int end = start + gram.size();
    if (gram.size() == 1 && VERSION.matcher(gram.get(0).text()).matches()) {
      String version = gram.get(0).text();
      List<Inventory.Entry> tagged = names.tagged(version);
      if (tagged.isEmpty() && version.startsWith("v")) {
        tagged = names.tagged(version.substring(1));
      }
      return tagged.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(new Match(start, end, gram.get(0).text(), tagged, RUNS));
    }
    StringBuilder joined = new StringBuilder();
    StringBuilder spaced = new StringBuilder();
    for (Word w : gram) {
      if (CommonWords.common(w.text())) {
        return java.util.Optional.empty(); // "the logs", "fluent pods": not what anything runs
      }
      joined.append(w.text());
      spaced.append(spaced.isEmpty() ? "" : " ").append(w.text());
    }
    String key = Names.squash(joined.toString());
    if (key.length() < 3 || !names.exact(key).isEmpty()) {
      return java.util.Optional.empty(); // an object's own name is a name, not a weak match
    }
    List<Inventory.Entry> running = names.running(key);
    return running.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Match(start, end, spaced.toString(), running, RUNS));
  }

  /**
   * Single words a typo or two from a part of a name ("usercentre" for usercenter-api): the last
   * resort before "nothing named that", found as a part (a weaker match, said so). Numbers must
   * agree, as for whole names.
   */
  List<Match> nearParts(List<Word> words) {
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i).text();
      String key = Names.squash(w);
      if (key.length() < 7 || CommonWords.common(w) || !names.exact(key).isEmpty()) {
        continue;
      }
      List<Inventory.Entry> near =
          names.partNear(key).stream()
              .filter(e -> digits(Names.squash(e.ref().name())).contains(digits(key)))
              .toList();
      if (!near.isEmpty()) {
        out.add(new Match(i, i + 1, w, near, PART));
      }
    }
    return out;
  }

  private List<Match> spans(
      List<Word> words,
      java.util.function.BiFunction<List<Word>, Integer, java.util.Optional<Match>> matcher) {
    List<Match> all = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      for (int n = 1; n <= MAX_WORDS && i + n <= words.size(); n++) {
        if (words.get(i + n - 1).run() != words.get(i).run()) {
          break;
        }
        matcher.apply(words.subList(i, i + n), i).ifPresent(all::add);
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
    List<Inventory.Entry> exact = names.exact(key);
    if (!exact.isEmpty()) {
      return java.util.Optional.of(new Match(start, end, spaced.toString(), exact, 0));
    }
    if (gram.size() == 1) {
      List<Inventory.Entry> owner = owner(gram.get(0).text());
      if (!owner.isEmpty()) {
        return java.util.Optional.of(new Match(start, end, spaced.toString(), owner, 0));
      }
    }
    int tolerance = Names.tolerance(key.length());
    int best = tolerance + 1;
    List<Inventory.Entry> closest = new ArrayList<>();
    for (int len = key.length() - tolerance; len <= key.length() + tolerance; len++) {
      for (String name : names.ofLength(len)) {
        // the shorter name sets the tolerance: "checkout-v2" is not a typo of "checkout"
        int allowed = Names.tolerance(Math.min(key.length(), name.length()));
        if (!digits(key).equals(digits(name))) {
          continue; // numbers tell objects apart ("worker" is not worker-1, db-1 is not db-2)
        }
        int d = Names.distance(key, name, allowed);
        if (d > allowed) {
          continue;
        }
        if (d < best) {
          best = d;
          closest.clear();
        }
        if (d == best) {
          names.exact(name).stream()
              .filter(e -> !e.ref().kind().equals("Pod"))
              .forEach(closest::add);
        }
      }
    }
    if (!closest.isEmpty()) {
      return java.util.Optional.of(new Match(start, end, spaced.toString(), closest, best));
    }
    List<Inventory.Entry> partOf = names.part(key);
    return partOf.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Match(start, end, spaced.toString(), partOf, PART));
  }

  /**
   * Names the Chinese words of {@code text} stand for ("订单服务" → {@code order-service}), through the
   * {@link Glossary}; for questions that name nothing in Latin letters.
   */
  List<Match> translated(String text) {
    List<Match> out = new ArrayList<>();
    var han = HAN.matcher(text);
    while (han.find()) {
      List<Inventory.Entry> common = null;
      List<Inventory.Entry> any = new ArrayList<>();
      for (List<String> english : Glossary.translate(han.group())) {
        List<Inventory.Entry> named = new ArrayList<>();
        for (String word : english) {
          named.addAll(
              names.exact(word).stream()
                  .filter(e -> !e.ref().kind().equals("Pod") && !e.ref().kind().equals("Namespace"))
                  .toList());
          named.addAll(names.part(word));
        }
        any.addAll(named);
        common = common == null ? named : common.stream().filter(named::contains).toList();
      }
      List<Inventory.Entry> found = common != null && !common.isEmpty() ? common : any;
      if (!found.isEmpty()) {
        out.add(new Match(-1, -1, han.group(), found.stream().distinct().toList(), TRANSLATED));
      }
    }
    return out;
  }

  /** The controller a generated name (pod, ReplicaSet, Job) points at, when it is gone. */
  private List<Inventory.Entry> owner(String word) {
    if (word.indexOf('-') < 0) {
      return List.of();
    }
    for (Pattern generated : GENERATED) {
      Matcher m = generated.matcher(word);
      if (m.matches()) {
        List<Inventory.Entry> owners =
            names.exact(Names.squash(m.group(1))).stream()
                .filter(e -> OWNER_KINDS.contains(e.ref().kind()))
                .toList();
        if (!owners.isEmpty()) {
          return owners;
        }
      }
    }
    return List.of();
  }

  private static String digits(String key) {
    return key.replaceAll("[^0-9]", "");
  }
}
