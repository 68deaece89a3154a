package lookout.agent.inspect;

import java.util.regex.Pattern;
import lookout.agent.analyzers.Finding;

/**
 * What makes two findings "the same problem" across reports: the analyzer and the subject, with
 * generated pod-name suffixes removed. A crashlooping deployment gets new pod names after every
 * rollout; its finding must still count as persisting, not as resolved plus new.
 */
public final class FindingKey {
  // Deployment pods: <name>-<replicaset hash>-<5 chars>; DaemonSet/Job pods: <name>-<5 chars>.
  private static final Pattern DEPLOYMENT_POD = Pattern.compile("-[a-z0-9]{6,10}-[a-z0-9]{5}\\b");
  private static final Pattern SHORT_SUFFIX = Pattern.compile("-[a-z0-9]{5}\\b");

  private FindingKey() {}

  public static String of(Finding finding) {
    return finding.analyzer() + " " + stable(finding.subject());
  }

  static String stable(String subject) {
    if (!subject.startsWith("pod ")) {
      return subject;
    }
    String s = DEPLOYMENT_POD.matcher(subject).replaceAll("");
    return s.equals(subject) ? SHORT_SUFFIX.matcher(subject).replaceAll("") : s;
  }
}
