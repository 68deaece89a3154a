package lookout.knowledge.index;

import java.time.Instant;
import java.util.Objects;

/**
 * One searchable unit: a runbook section or an incident.
 *
 * @param id unique in the index, e.g. {@code runbook:kubernetes/KubePodCrashLooping.md#diagnosis}
 * @param kind {@code runbook} or {@code incident}
 * @param title the runbook or incident title
 * @param alertName the alert it is about, empty if none
 * @param about what the whole document is about, repeated in each of its sections (a runbook's
 *     "Meaning"), so a section matches words of its runbook's subject; empty if none
 * @param headings the section heading(s), empty for a whole document
 * @param body the text
 * @param namespace Kubernetes namespace, empty if none
 * @param service service name, empty if none
 * @param cluster cluster name, empty if none
 * @param time when it happened (incidents), null for timeless documents (runbooks)
 * @param location where a reader finds it: path with anchor, or chat thread link
 * @param group hits of one group are collapsed to the best one (the runbook file, the incident)
 */
public record IndexDocument(
    String id,
    String kind,
    String title,
    String alertName,
    String about,
    String headings,
    String body,
    String namespace,
    String service,
    String cluster,
    Instant time,
    String location,
    String group) {
  public static final String RUNBOOK = "runbook";
  public static final String INCIDENT = "incident";

  public IndexDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    title = orEmpty(title);
    alertName = orEmpty(alertName);
    about = orEmpty(about);
    headings = orEmpty(headings);
    body = orEmpty(body);
    namespace = orEmpty(namespace);
    service = orEmpty(service);
    cluster = orEmpty(cluster);
    location = orEmpty(location);
    group = group == null || group.isEmpty() ? id : group;
  }

  /** The text an embedding is computed from: the fields a person would read first. */
  public String semanticText(int maxChars) {
    String text = String.join("\n", alertName, title, headings, body).strip();
    return text.length() <= maxChars ? text : text.substring(0, maxChars);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
