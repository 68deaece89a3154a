package lookout.agent.grammar;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the grammar knows: what is never a workload name, what usually is a namespace, kinds.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** DNS-1123 label: what a namespace can be called. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** DNS-1123 subdomain: what a pod or workload can be called. */
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /**
   * Words of requests that are never taken for a workload or namespace name on their own, from the
   * reviewed resource {@code common-words.txt}.
   */
  static final Set<String> STOPWORDS = Resources.words("common-words.txt");

  /**
   * Names teams give their namespaces; a lone one of these in a status question is the namespace.
   */
  private static final Set<String> USUAL_NAMESPACES =
      words(
          """
          default prod production prd staging stage stg dev develop development test testing qa
          uat preprod pre-prod sandbox demo perf monitoring logging ingress-nginx cert-manager
          istio-system argocd
          """);

  /** Kind words before a name ("deployment checkout"); the kind itself is left to the agent. */
  static final Set<String> KIND_WORDS =
      Set.of(
          "deployment",
          "deploy",
          "statefulset",
          "sts",
          "pod",
          "po",
          "daemonset",
          "ds",
          "svc",
          "service",
          "job",
          "cronjob",
          "cj",
          "node",
          "pvc",
          "hpa",
          "ingress");

  /** Kind prefixes of {@code kind/name}, as kubectl accepts them. */
  static final Set<String> KIND_PREFIXES =
      words(
          """
          deployment deployments deploy statefulset statefulsets sts pod pods po deployment.apps
          statefulset.apps deployments.apps statefulsets.apps daemonset daemonsets ds svc service
          services job jobs cronjob cronjobs cj node nodes no pvc pvcs
          persistentvolumeclaim persistentvolumeclaims hpa horizontalpodautoscaler ingress
          ingresses ing rs replicaset replicasets
          """);

  /**
   * Markers after which a workload name follows: "status of x", "what's wrong with x", "logs for
   * x".
   */
  static final List<String> NAME_MARKERS = List.of("of", "with", "for", "about");

  private static Set<String> words(String spaced) {
    return Set.copyOf(List.of(spaced.strip().split("\\s+")));
  }

  static boolean label(String word) {
    return word.length() <= 63 && LABEL.matcher(word).matches() && !NUMBER.matcher(word).matches();
  }

  static boolean name(String word) {
    return word.length() <= 253
        && SUBDOMAIN.matcher(word).matches()
        && !NUMBER.matcher(word).matches();
  }

  static boolean stopword(String word) {
    return STOPWORDS.contains(word);
  }

  static boolean usualNamespace(String word) {
    return USUAL_NAMESPACES.contains(word) || word.startsWith("kube-");
  }

  private static final List<String> NUMBER_WORDS =
      List.of(
          "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");

  /** 0 to 10 written out ("scale to zero"), or -1. */
  static int numberWord(String word) {
    return NUMBER_WORDS.indexOf(word);
  }

  static boolean number(String word) {
    return NUMBER.matcher(word).matches();
  }
}
