package lookout.approvals;

import java.util.regex.Pattern;

/**
 * Platform-qualified user ids ({@code slack:U0123}, {@code console:alice}) and policy references to
 * them. Ids are compared exactly: the adapters produce them, people only type them into the policy.
 */
final class UserIds {
  static final String GROUP_PREFIX = "group:";
  static final String ANYONE = "*";

  private static final Pattern QUALIFIED = Pattern.compile("[a-z][a-z0-9_-]*:\\S+");
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private UserIds() {}

  /** A user id like {@code slack:U0123}; {@code group:x} is a reference, not a user. */
  static boolean isQualified(String id) {
    return id != null && QUALIFIED.matcher(id).matches() && !id.startsWith(GROUP_PREFIX);
  }

  static boolean isGroupName(String name) {
    return name != null && GROUP_NAME.matcher(name).matches();
  }

  static boolean isGroupRef(String entry) {
    return entry.startsWith(GROUP_PREFIX);
  }

  static String groupName(String entry) {
    return entry.substring(GROUP_PREFIX.length());
  }
}
