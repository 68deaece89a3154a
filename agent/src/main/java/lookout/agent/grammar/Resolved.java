package lookout.agent.grammar;

import java.util.List;
import java.util.Optional;

/**
 * The namespace and workload a request is about, once words no marker claimed are placed. A lone
 * word is the workload, unless it is a usual namespace name in a status question ("status staging",
 * "prod 怎么样"); two words are namespace then workload ("看下 staging checkout 日志"), the usual
 * namespace name first if only one of them is one. Anything more is ambiguous.
 *
 * @param namespace null when not named
 * @param name null when not named
 */
record Resolved(String namespace, String name) {

  /** Empty when the request is too ambiguous to act on for this intent. */
  static Optional<Resolved> of(Intent intent, Targets t) {
    String ns = t.namespace();
    String name = t.name();
    List<String> loose = t.loose();
    boolean looking = intent == Intent.STATUS || intent == Intent.DIAGNOSE;
    if (name == null && loose.size() == 1) {
      String word = loose.getFirst();
      if (ns == null && Vocabulary.usualNamespace(word)) {
        if (!looking) {
          return Optional
              .empty(); // "restart staging": not a workload; "deploy/staging" if it is one
        }
        ns = word;
      } else {
        name = word;
      }
    } else if (name == null && loose.size() == 2 && ns == null) {
      String first = loose.get(0);
      String second = loose.get(1);
      boolean firstNs = Vocabulary.usualNamespace(first);
      boolean secondNs = Vocabulary.usualNamespace(second);
      if (secondNs && !firstNs) {
        ns = second;
        name = first;
      } else if (firstNs || !intent.writes()) {
        ns = first;
        name = second;
      } else {
        return Optional.empty();
      }
      if (!Vocabulary.label(ns)) {
        return Optional.empty();
      }
    } else if (name != null
        && loose.size() == 1
        && ns == null
        && Vocabulary.label(loose.getFirst())) {
      ns = loose.getFirst(); // "restart deploy/checkout staging"
    } else if (!loose.isEmpty() && (name == null || intent.writes())) {
      return Optional.empty(); // extra words we cannot place: ask rather than guess
    }
    if (t.softName() && ns == null && looking && Vocabulary.usualNamespace(name)) {
      return Optional.of(new Resolved(name, null)); // "status of prod", "what's wrong with staging"
    }
    return Optional.of(new Resolved(ns, name));
  }
}
