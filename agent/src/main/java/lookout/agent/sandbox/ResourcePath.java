package lookout.agent.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a Kubernetes REST path: {@code /api/v1/namespaces/staging/pods/x/log} or {@code
 * /apis/apps/v1/namespaces/prod/deployments/web/scale}.
 *
 * @param group empty for the core group
 * @param namespace null for cluster-scoped or all-namespace paths
 * @param name null for collection paths
 * @param subresource null unless the path names one ({@code log}, {@code scale}, {@code status})
 */
record ResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  private static final Pattern PATH =
      Pattern.compile(
          "^/(?:api|apis/(?<group>[^/]+))/(?<version>[^/]+)"
              + "(?:/namespaces/(?<ns>[^/]+))?/(?<plural>[^/]+)(?:/(?<name>[^/]+))?(?:/(?<sub>[^/]+))?$");

  static Optional<ResourcePath> parse(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    String group = m.group("group") == null ? "" : m.group("group");
    return Optional.of(
        new ResourcePath(
            group,
            m.group("version"),
            m.group("ns"),
            m.group("plural"),
            m.group("name"),
            m.group("sub")));
  }

  /** How the API server names the resource in messages: {@code pods}, {@code deployments.apps}. */
  String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  /** The path of the object itself, without subresource. */
  String objectPath() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    String ns = namespace == null ? "" : "/namespaces/" + namespace;
    return prefix + ns + "/" + plural + (name == null ? "" : "/" + name);
  }

  /** The path as given, with subresource. */
  String fullPath() {
    return objectPath() + (subresource == null ? "" : "/" + subresource);
  }
}
