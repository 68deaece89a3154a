package lookout.agent.analyzers;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object (or a key of one) that the kubelet or a controller says does not exist, read from its
 * message: {@code configmap "catalog-config" not found}, {@code couldn't find key password in
 * Secret billing/billing-db}, {@code secret "api-tls" not found}, {@code serviceaccount "deployer"
 * not found}, {@code persistentvolumeclaim "data" not found}.
 *
 * @param kind the API kind: {@code ConfigMap}, {@code Secret}, {@code PersistentVolumeClaim},
 *     {@code ServiceAccount}
 * @param key the missing key, or null when the whole object is missing
 */
public record Missing(String kind, String name, String key) {
  private static final Pattern KEY =
      Pattern.compile(
          "[Cc]ouldn't find key (\\S+) in (ConfigMap|Secret) (?:([\\w.-]+)/)?([\\w.-]+)");
  private static final Pattern OBJECT =
      Pattern.compile(
          "\\b(configmaps?|secrets?|persistentvolumeclaims?|serviceaccounts?)"
              + " \"([^\"]+)\" not found",
          Pattern.CASE_INSENSITIVE);

  /** The first missing object the message names, if any. */
  public static Optional<Missing> in(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher key = KEY.matcher(message);
    if (key.find()) {
      return Optional.of(new Missing(key.group(2), key.group(4), key.group(1)));
    }
    Matcher object = OBJECT.matcher(message);
    if (object.find()) {
      return Optional.of(new Missing(kind(object.group(1)), object.group(2), null));
    }
    return Optional.empty();
  }

  /** The first missing object any of {@code messages} names. */
  public static Optional<Missing> in(List<String> messages) {
    return messages.stream().map(Missing::in).flatMap(Optional::stream).findFirst();
  }

  /** "ConfigMap catalog-config does not exist" or "Secret billing-db has no key password". */
  public String text() {
    return key == null
        ? kind + " " + name + " does not exist"
        : kind + " " + name + " has no key " + key;
  }

  /** The missing object as a reference in {@code namespace}. */
  public ObjectRef ref(String namespace) {
    return new ObjectRef(kind, namespace, name);
  }

  /** The fix, naming the workload whose spec refers to it. */
  public String fix(String namespace, String workload) {
    String where = workload == null ? "the pod spec" : workload;
    if (key != null) {
      return "add key "
          + key
          + " to "
          + kind
          + " "
          + name
          + " in "
          + namespace
          + ", or correct the key in "
          + where
          + " (or mark the reference optional)";
    }
    return "create " + kind + " " + name + " in " + namespace + ", or correct the name in " + where;
  }

  private static String kind(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.startsWith("configmap")) {
      return "ConfigMap";
    }
    if (w.startsWith("secret")) {
      return "Secret";
    }
    if (w.startsWith("persistentvolumeclaim")) {
      return "PersistentVolumeClaim";
    }
    return "ServiceAccount";
  }
}
