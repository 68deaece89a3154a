package lookout.agent.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the namespace, workload name and replica counts in a tokenized request. */
final class TargetReader {
  private static final List<String> NOT_AT = List.of("现在", "正在", "还在", "存在", "实在", "所在", "不在");

  /** "的", "下的", "里的", "中的": what joins a namespace to a name in Chinese. */
  private static final java.util.regex.Pattern OF =
      java.util.regex.Pattern.compile("(?:下面|里面|下|里|中|内)?的");

  private static final Set<String> COUNT_NOUNS = Set.of("replicas", "replica", "instances");

  private final List<Token> tokens;
  private final boolean[] used;
  private String namespace;
  private String name;
  private boolean softName;
  private boolean malformed;
  private boolean badCount;
  private final List<Long> replicas = new ArrayList<>();

  private TargetReader(List<Token> tokens) {
    this.tokens = tokens;
    this.used = new boolean[tokens.size()];
  }

  static Targets read(List<Token> tokens) {
    TargetReader r = new TargetReader(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).chinese()) {
        r.chinese(i);
      } else if (!r.used[i]) {
        r.latin(i);
      }
    }
    List<String> loose = r.loose();
    r.badCount |= Counts.relativeOrNegative(tokens);
    return new Targets(r.namespace, r.name, r.softName, loose, r.replicas, r.malformed, r.badCount);
  }

  private void chinese(int i) {
    String zh = tokens.get(i).text();
    // "staging 的 checkout", "shop 下的 reviews": namespace, then the workload
    if (OF.matcher(zh).lookingAt()
        && candidate(i - 1)
        && candidate(i + 1)
        && Vocabulary.label(text(i - 1))
        && Vocabulary.name(text(i + 1))) {
      setNamespace(i - 1);
      setName(i + 1, false);
    }
    if (zh.endsWith("在") && NOT_AT.stream().noneMatch(zh::endsWith) && candidate(i + 1)) {
      setNamespace(i + 1);
    }
    if ((zh.contains("命名空间") || zh.endsWith("环境"))
        && candidate(i - 1)
        && Vocabulary.label(text(i - 1))) {
      setNamespace(i - 1);
    } else if (zh.contains("命名空间") && candidate(i + 1)) {
      setNamespace(i + 1);
    }
    if (zh.endsWith("到") || zh.endsWith("成") || zh.endsWith("为")) {
      count(i + 1, false);
    }
    if (zh.startsWith("个") || zh.startsWith("副本")) {
      count(i - 1, false);
    }
    Counts.chinese(zh).ifPresent(replicas::add);
  }

  private void latin(int i) {
    String word = text(i);
    switch (word) {
      case "-n", "--namespace", "--ns", "namespace", "ns" -> {
        boolean flag = word.startsWith("-");
        // after a flag any name goes ("-n data"); after the word, not an ordinary word or a second
        // one
        boolean next = flag ? free(i + 1) && !text(i + 1).startsWith("-") : candidate(i + 1);
        if (next && (flag || namespace == null)) { // "in bi namespace, help"
          used[i] = true;
          setNamespace(i + 1);
        } else if (word.equals("namespace") || word.equals("ns")) {
          if (free(i - 1) && Vocabulary.label(text(i - 1)) && !Vocabulary.stopword(text(i - 1))) {
            setNamespace(i - 1); // "the staging namespace"
          }
        }
      }
      case "in" -> {
        int j = i + 1;
        while (free(j)
            && (text(j).equals("the") || text(j).equals("namespace") || text(j).equals("ns"))) {
          j++;
        }
        if (candidate(j) && !Vocabulary.number(text(j)) && !Counts.numberish(text(j))) {
          setNamespace(j);
        }
      }
      case "to", "replicas" -> count(i + 1, false);
      case "--replicas" -> count(i + 1, true);
      default -> flagOrKind(i, word);
    }
  }

  private void flagOrKind(int i, String word) {
    int eq = word.indexOf('=');
    if (word.startsWith("-") && eq > 0) {
      String flag = word.substring(0, eq);
      String value = word.substring(eq + 1);
      if (flag.equals("-n") || flag.equals("--namespace")) {
        namespaceValue(value);
      } else if (flag.equals("--replicas")) {
        countValue(value);
      }
      used[i] = true;
    } else if (word.startsWith("replicas=")) {
      countValue(word.substring("replicas=".length()));
      used[i] = true;
    } else if (word.contains("/")) {
      slashed(i, word);
    } else if (Vocabulary.KIND_WORDS.contains(word)
        && candidate(i + 1)
        && !text(i + 1).contains("/")) {
      setName(i + 1, false);
    } else if (Vocabulary.NAME_MARKERS.contains(word) && name == null) {
      int j = free(i + 1) && text(i + 1).equals("the") ? i + 2 : i + 1;
      if (candidate(j) && Vocabulary.name(text(j))) {
        setName(j, true);
      }
    } else if (free(i + 1) && Vocabulary.number(word) && COUNT_NOUNS.contains(text(i + 1))) {
      count(i, true);
    }
  }

  private void slashed(int i, String word) {
    used[i] = true;
    Optional<SlashName> parsed = SlashName.parse(word);
    if (parsed.isEmpty()) {
      malformed = true;
      return;
    }
    namespace = parsed.get().namespace() == null ? namespace : parsed.get().namespace();
    name = parsed.get().name();
  }

  private void setNamespace(int i) {
    used[i] = true;
    namespaceValue(text(i));
  }

  private void namespaceValue(String value) {
    if (Vocabulary.label(value)) {
      namespace = value;
    } else {
      malformed = true;
    }
  }

  private void setName(int i, boolean soft) {
    used[i] = true;
    if (Vocabulary.name(text(i))) {
      name = text(i);
      softName = soft;
    } else {
      malformed = true;
    }
  }

  /**
   * A count where one may be: a plain number is taken, a number-like word ("-1", "3.5") marks the
   * request malformed, and a word is left alone unless {@code strict} (after {@code --replicas}).
   */
  private void count(int i, boolean strict) {
    if (!free(i)) {
      return;
    }
    String word = text(i);
    if (Vocabulary.numberWord(word) >= 0) {
      used[i] = true;
      replicas.add((long) Vocabulary.numberWord(word));
    } else if (strict || Vocabulary.number(word) || Counts.numberish(word)) {
      used[i] = true;
      countValue(word);
    }
  }

  private void countValue(String value) {
    Optional<Long> n = Counts.plain(value);
    if (n.isPresent()) {
      replicas.add(n.get());
    } else {
      badCount = true;
    }
  }

  private List<String> loose() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (used[i] || tokens.get(i).chinese()) {
        continue;
      }
      String word = text(i);
      if (Vocabulary.number(word)) {
        Counts.plain(word).ifPresentOrElse(replicas::add, () -> badCount = true);
      } else if (Counts.numberish(word)) {
        badCount = true; // "-1", "3.5", "1e3": numbers we will not act on
      } else if (!word.startsWith("-") && !Vocabulary.stopword(word) && Vocabulary.name(word)) {
        out.add(word);
      }
    }
    return out;
  }

  /** An unclaimed Latin word that could be a name: not a stopword, not a flag. */
  private boolean candidate(int i) {
    return free(i) && !Vocabulary.stopword(text(i)) && !text(i).startsWith("-");
  }

  private boolean free(int i) {
    return i >= 0 && i < tokens.size() && !used[i] && tokens.get(i).latin();
  }

  private String text(int i) {
    return tokens.get(i).text();
  }
}
