package lookout.agent.analyzers;

import java.util.Objects;

/**
 * A kind Lookout could not read while gathering facts, so the diagnosis is missing what it would
 * have shown. Carried as data (in {@link Related#gaps()}) so the answer can name the permission to
 * grant instead of failing or staying silent.
 *
 * @param verb the API verb that failed: {@code list} or {@code get}
 * @param resource the plural resource, e.g. {@code horizontalpodautoscalers}
 * @param group the API group, empty for the core group
 * @param namespace the namespace read, or null for a cluster-scoped read
 * @param reason why it could not be read
 * @param detail the API server's message (or the client's), for logs and the evidence line
 */
public record ReadGap(
    String verb, String resource, String group, String namespace, Reason reason, String detail) {
  public ReadGap {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
    group = Objects.requireNonNullElse(group, "");
    Objects.requireNonNull(reason, "reason");
    detail = Objects.requireNonNullElse(detail, "");
  }

  /** Why a kind could not be read. */
  public enum Reason {
    /** HTTP 403: the service account lacks the permission. */
    FORBIDDEN,
    /** HTTP 404 on a list: the cluster does not serve that API (too old, or not installed). */
    NOT_SERVED,
    /** Anything else: timeouts, 5xx, a connection reset. */
    FAILED
  }

  /**
   * {@code horizontalpodautoscalers.autoscaling}, {@code services}: how kubectl and RBAC name it.
   */
  public String qualifiedResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  /**
   * One sentence a person can act on, e.g. "cannot list horizontalpodautoscalers.autoscaling in
   * shop: grant get/list/watch on horizontalpodautoscalers in API group autoscaling".
   */
  public String sentence() {
    String where = namespace == null ? "cluster-wide" : "in " + namespace;
    return switch (reason) {
      case FORBIDDEN ->
          "cannot "
              + verb
              + " "
              + qualifiedResource()
              + " "
              + where
              + ": grant get/list/watch on "
              + resource
              + (group.isEmpty() ? " (core API group)" : " in API group " + group)
              + " to Lookout's service account";
      case NOT_SERVED ->
          qualifiedResource() + " is not served by this cluster, so they were not checked";
      case FAILED -> "could not " + verb + " " + qualifiedResource() + " " + where + ": " + detail;
    };
  }
}
