package lookout.agent.analyzers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lookout.approvals.Action;

/**
 * One problem an analyzer found, with what the diagnosis engine needs to rank it: whether it says
 * why something fails ({@link Role#CAUSE}) or only that it fails ({@link Role#SYMPTOM}), which
 * object it describes, which pods it explains and which objects it blames.
 *
 * <p>Build new findings with {@link #builder}. The summary is a predicate that reads after the name
 * of whatever is diagnosed: {@code "cannot start: ConfigMap catalog-config does not exist"} becomes
 * "deployment shop/catalog cannot start: ConfigMap catalog-config does not exist (…)".
 *
 * @param analyzer short name of the analyzer, e.g. {@code CrashLoopBackOff}
 * @param subject what it is about, e.g. {@code pod staging/checkout-7d9f-abc12}
 * @param summary one line, a predicate: "keeps crashing: exit code 1 (Error)…"
 * @param evidence compact lines backing the summary (status, events, log lines)
 * @param suggestions actions that would help (offered as approval buttons): only actions that fix
 *     or relieve this cause, never a restart that cannot help
 * @param role whether this finding is a cause, a symptom or a note
 * @param about the object the finding describes (a pod, a node, a claim, a workload), or null when
 *     it names none
 * @param reason the Kubernetes reason it rests on ({@code CreateContainerConfigError}, {@code
 *     FailedScheduling}, {@code OOMKilled}…), shown in the answer's first line
 * @param affected the pods this finding explains (for "on 2/3 pods" and for folding the symptoms of
 *     those pods under it)
 * @param blames objects this finding points to as the cause (the node a pod is lost on, the claim
 *     it waits for, the ConfigMap it lacks): a finding about one of those is a deeper cause
 * @param fixes what to do, one line each, most direct first
 * @param query words for the runbook search: the failure class, not the names of this cluster
 */
public record Finding(
    Severity severity,
    String analyzer,
    String subject,
    String summary,
    List<String> evidence,
    List<Action> suggestions,
    Role role,
    ObjectRef about,
    String reason,
    List<ObjectRef> affected,
    List<ObjectRef> blames,
    List<String> fixes,
    String query) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(analyzer, "analyzer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    suggestions = List.copyOf(suggestions);
    Objects.requireNonNull(role, "role");
    reason = reason == null || reason.isBlank() ? analyzer : reason;
    affected = List.copyOf(affected);
    blames = List.copyOf(blames);
    fixes = List.copyOf(fixes);
    query = query == null || query.isBlank() ? reason + " " + summary : query;
  }

  /**
   * A finding in the first shape analyzers had: a CAUSE (a NOTE when INFO) about the object its
   * subject names, explaining that object when it is a pod, with the {@code hint:} lines of its
   * evidence as fixes.
   */
  public Finding(
      Severity severity,
      String analyzer,
      String subject,
      String summary,
      List<String> evidence,
      List<Action> suggestions) {
    this(
        severity,
        analyzer,
        subject,
        summary,
        evidence,
        suggestions,
        severity == Severity.INFO ? Role.NOTE : Role.CAUSE,
        ObjectRef.parse(subject).orElse(null),
        analyzer,
        ObjectRef.parse(subject).filter(r -> r.kind().equals("Pod")).stream().toList(),
        List.of(),
        hints(evidence),
        null);
  }

  public enum Severity {
    CRITICAL,
    WARNING,
    INFO
  }

  /** What a finding contributes to a diagnosis. */
  public enum Role {
    /** Says why something fails: a missing ConfigMap, an OOM kill, a taint no node tolerates. */
    CAUSE,
    /** Says that something fails but not why: not ready, a rollout that stopped, 0/3 available. */
    SYMPTOM,
    /** Worth knowing, not a failure now: restarts hours ago, a setting that will hurt later. */
    NOTE
  }

  /** A finding about {@code about}; the subject is {@code about}'s name. */
  public static Builder builder(Severity severity, String analyzer, ObjectRef about) {
    return new Builder(severity, analyzer, about);
  }

  /**
   * "pod shop/web-1 keeps crashing: …": subject and summary as one sentence (a summary that already
   * starts with its subject, as older analyzers wrote them, is not prefixed twice).
   */
  public String sentence() {
    return summary.startsWith(subject + " ") ? summary : subject + " " + summary;
  }

  /** The same finding with other evidence lines (the engine adds and trims evidence). */
  public Finding withEvidence(List<String> lines) {
    return new Finding(
        severity,
        analyzer,
        subject,
        summary,
        lines,
        suggestions,
        role,
        about,
        reason,
        affected,
        blames,
        fixes,
        query);
  }

  /** The same finding with another role (a cause that explains nothing here is a note). */
  public Finding withRole(Role other) {
    return new Finding(
        severity,
        analyzer,
        subject,
        summary,
        evidence,
        suggestions,
        other,
        about,
        reason,
        affected,
        blames,
        fixes,
        query);
  }

  private static List<String> hints(List<String> evidence) {
    return evidence.stream()
        .filter(l -> l.startsWith("hint: "))
        .map(l -> l.substring("hint: ".length()))
        .toList();
  }

  /** Collects a finding; every list starts empty, the role starts as {@link Role#CAUSE}. */
  public static final class Builder {
    /** A summary is one sentence, but one that may carry a scheduler's or registry's reasons. */
    static final int MAX_SUMMARY = 400;

    private final Severity severity;
    private final String analyzer;
    private final ObjectRef about;
    private String summary = "";
    private String reason;
    private Role role = Role.CAUSE;
    private String query;
    private final List<String> evidence = new ArrayList<>();
    private final List<Action> suggestions = new ArrayList<>();
    private final List<ObjectRef> affected = new ArrayList<>();
    private final List<ObjectRef> blames = new ArrayList<>();
    private final List<String> fixes = new ArrayList<>();

    private Builder(Severity severity, String analyzer, ObjectRef about) {
      this.severity = Objects.requireNonNull(severity, "severity");
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
      this.about = Objects.requireNonNull(about, "about");
    }

    /** The predicate after the object's name: "cannot start: Secret db-creds does not exist". */
    public Builder summary(String text) {
      this.summary = Evidence.clip(text, MAX_SUMMARY);
      return this;
    }

    public Builder reason(String kubernetesReason) {
      this.reason = kubernetesReason;
      return this;
    }

    public Builder role(Role r) {
      this.role = Objects.requireNonNull(r, "role");
      return this;
    }

    public Builder evidence(String line) {
      if (line != null && !line.isBlank()) {
        evidence.add(Evidence.clip(line));
      }
      return this;
    }

    public Builder evidence(List<String> lines) {
      lines.forEach(this::evidence);
      return this;
    }

    public Builder suggest(Action action) {
      suggestions.add(Objects.requireNonNull(action, "action"));
      return this;
    }

    public Builder affects(ObjectRef pod) {
      if (!affected.contains(pod)) {
        affected.add(pod);
      }
      return this;
    }

    public Builder affects(List<ObjectRef> pods) {
      pods.forEach(this::affects);
      return this;
    }

    public Builder blames(ObjectRef cause) {
      if (!blames.contains(cause)) {
        blames.add(cause);
      }
      return this;
    }

    public Builder blames(List<ObjectRef> causes) {
      causes.forEach(this::blames);
      return this;
    }

    public Builder fix(String line) {
      if (line != null && !line.isBlank()) {
        fixes.add(Evidence.clip(line));
      }
      return this;
    }

    public Builder query(String words) {
      this.query = words;
      return this;
    }

    public Finding build() {
      if (summary.isEmpty()) {
        throw new IllegalStateException(
            "finding of " + analyzer + " about " + about + ": no summary");
      }
      return new Finding(
          severity,
          analyzer,
          about.toString(),
          summary,
          evidence,
          suggestions,
          role,
          about,
          reason,
          affected,
          blames,
          fixes,
          query);
    }
  }
}
