package lookout.approvals;

import java.util.List;
import java.util.Objects;

/**
 * The Kubernetes user (and groups) a chat user acts as when {@code approvals.impersonate} is on:
 * the policy file's {@code identities} map a platform-qualified chat id to it, so the cluster's own
 * RBAC decides an approved action and its audit log names the person.
 */
public record KubeIdentity(String user, List<String> groups) {
  public KubeIdentity {
    Objects.requireNonNull(user, "user");
    groups = groups == null ? List.of() : List.copyOf(groups);
  }
}
