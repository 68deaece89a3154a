package lookout.agent.resolve;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.CommonWords;

/**
 * The names a question means but no object has, guessed from how people write service names: a name
 * and a role word apart ("refund worker" → refund-worker) or run together ("kycservice"), and the
 * Latin words of a Chinese question. The resolver says "not found: nothing named …" with them
 * instead of an overview or a loose partial match.
 */
final class NameGuesses {
  private NameGuesses() {}

  /**
   * "kyc service" where kyc is only a part of other names: the role word written after it is part
   * of the name meant ({@code kyc-service}), which none of the matches has. Null otherwise.
   */
  static String withRole(String text, String part, List<ObjectRef> matches) {
    List<Mentions.Word> words = Mentions.words(text);
    for (int i = 0; i + 1 < words.size(); i++) {
      String role = words.get(i + 1).text();
      if (words.get(i).text().equals(part)
          && words.get(i).run() == words.get(i + 1).run()
          && ROLES.contains(role)
          && !KIND_ROLES.contains(role) // "settlement job", "sitemap cron": the kind, not the name
          && matches.stream().noneMatch(r -> r.name().contains(role))) {
        return part + "-" + role;
      }
    }
    return null;
  }

  /** Role words that are also how people name a kind: "the backfill job", "sitemap cron". */
  private static final Set<String> KIND_ROLES = Set.of("job", "cron", "daemon", "scheduler");

  /** "kycservice", "billingapi": one word made of a name and a role, as people type it. */
  static boolean endsWithRole(String word) {
    return word.matches("[a-z]{6,}")
        && ROLES.stream()
            .anyMatch(r -> r.length() >= 3 && word.endsWith(r) && word.length() - r.length() >= 3);
  }

  /**
   * "why is refund worker down": a service name written with a space, its last word a role; and in
   * a Chinese question, the one run of Latin words it holds ("clearing house 服务挂了吗", "clearinghouse
   * 状态咋样") — there, Latin letters are what names look like.
   */
  static String spaced(String text) {
    List<Mentions.Word> words = Mentions.words(text);
    String latin = loneLatinName(text, words);
    if (latin != null) {
      return latin;
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      String first = words.get(i).text();
      String role = words.get(i + 1).text();
      if (ROLES.contains(role)
          && first.matches("[a-z]{3,}")
          && !CommonWords.common(first)
          && !ROLES.contains(first)) {
        return first + "-" + role;
      }
    }
    return null;
  }

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  /** Latin words in Chinese questions that are no names: resources, protocols, reasons. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "cpu",
          "memory",
          "mem",
          "disk",
          "gpu",
          "network",
          "dns",
          "http",
          "https",
          "url",
          "qps",
          "latency",
          "timeout",
          "imagepullbackoff",
          "errimagepull",
          "evicted",
          "notready",
          "createcontainerconfigerror",
          "readiness",
          "liveness",
          "probe",
          "configmap",
          "secret",
          "volume",
          "bug",
          "online",
          "offline",
          "prometheus",
          "grafana",
          "alert",
          "alerts");

  /** The single run of one or two Latin words of a Chinese question, joined as a name. */
  private static String loneLatinName(String text, List<Mentions.Word> words) {
    if (!HAN.matcher(text).find() || words.isEmpty() || words.size() > 2) {
      return null;
    }
    if (words.size() == 2 && words.get(0).run() != words.get(1).run()) {
      return null;
    }
    for (Mentions.Word w : words) {
      String t = w.text();
      if (!t.matches("[a-z][a-z0-9-]{2,}")
          || CommonWords.common(t)
          || NOT_NAMES.contains(t)
          || (words.size() == 1 && (t.length() < 5 || ROLES.contains(t)))) {
        return null;
      }
    }
    return words.stream().map(Mentions.Word::text).reduce((a, b) -> a + "-" + b).orElse(null);
  }

  /** Last words of service names that people also write apart ("payment api", "refund worker"). */
  private static final Set<String> ROLES =
      Set.of(
          "api",
          "worker",
          "workers",
          "service",
          "svc",
          "server",
          "gateway",
          "consumer",
          "producer",
          "proxy",
          "frontend",
          "backend",
          "web",
          "db",
          "cache",
          "queue",
          "scheduler",
          "controller",
          "operator",
          "exporter",
          "agent",
          "daemon",
          "cron",
          "job",
          "ui",
          "admin",
          "bff",
          "sync",
          "processor",
          "handler",
          "dispatcher",
          "listener",
          "collector",
          "indexer",
          "crawler");
}
