package lookout.agent.cluster;

import java.util.Objects;

/**
 * One API resource Lookout reads, as RBAC names it.
 *
 * @param group the API group, empty for the core group
 * @param resource the plural resource, or {@code pods/log} for a subresource
 */
public record ApiResource(String group, String resource) {
  public ApiResource {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }

  static ApiResource core(String resource) {
    return new ApiResource("", resource);
  }
}
