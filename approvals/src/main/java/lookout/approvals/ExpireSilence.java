package lookout.approvals;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Expire (end now) the Alertmanager silence {@code silenceId}.
 *
 * @param namespace as for {@link SilenceAlerts}: chooses the policy rule
 * @param name what the silence silenced, in words, e.g. {@code KubePodCrashLooping}
 */
public record ExpireSilence(String cluster, String namespace, String name, String silenceId)
    implements AlertSilence {
  // Alertmanager's silence ids are UUIDs; anything else would only be refused by its API.
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public ExpireSilence {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(silenceId, "silenceId");
    if (!UUID.matcher(silenceId).matches()) {
      throw new IllegalArgumentException("\"" + silenceId + "\" is not a silence id (a UUID)");
    }
  }

  @Override
  public String describe() {
    return "unsilence "
        + name
        + (namespace.isEmpty() ? "" : " in " + namespace)
        + " (silence "
        + silenceId.substring(0, 8)
        + ")";
  }
}
