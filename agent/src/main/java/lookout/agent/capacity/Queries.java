package lookout.agent.capacity;

import java.util.regex.Pattern;

/** PromQL the capacity views send, built from checked names only. */
final class Queries {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private Queries() {}

  /** Selector for application containers (not the pause container) of a namespace or all. */
  static String containers(String namespace) {
    return "{" + ns(namespace) + "container!=\"\",container!=\"POD\"}";
  }

  /** Selector for a namespace, or every namespace. */
  static String in(String namespace) {
    String n = ns(namespace);
    return n.isEmpty() ? "" : "{" + n.substring(0, n.length() - 1) + "}";
  }

  static String byPod(String inner) {
    return "sum by (namespace, pod) (" + inner + ")";
  }

  private static String ns(String namespace) {
    if (namespace == null) {
      return "";
    }
    if (!NAME.matcher(namespace).matches()) {
      throw new IllegalArgumentException("'" + namespace + "' is not a namespace name");
    }
    return "namespace=\"" + namespace + "\",";
  }
}
