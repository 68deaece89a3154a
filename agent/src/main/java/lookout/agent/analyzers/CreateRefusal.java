package lookout.agent.analyzers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the API server refused to create a controller's pod, from the message the controller quotes:
 * {@code exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=3800m, limited:
 * requests.cpu=4}, {@code admission webhook "x" denied the request: …}, {@code violates PodSecurity
 * "restricted:latest": …}, LimitRange limits, a missing ServiceAccount.
 */
record CreateRefusal(String reason, String text, String fix, String query, ObjectRef blames) {
  private static final Pattern QUOTA =
      Pattern.compile(
          "exceeded quota: ([\\w.-]+), requested: (.+?), used: (.+?), limited: ([^\\s]+(?:,[^\\s]+)*)");
  private static final Pattern MUST_SPECIFY =
      Pattern.compile("failed quota: ([\\w.-]+): (must specify .+)");
  private static final Pattern WEBHOOK_DENIED =
      Pattern.compile("admission webhook \"([^\"]+)\" denied the request:?\\s*(.*)");
  private static final Pattern WEBHOOK_FAILED =
      Pattern.compile("failed calling webhook \"([^\"]+)\":?\\s*(.*)");
  private static final Pattern POD_SECURITY =
      Pattern.compile("violates PodSecurity \"([^\"]+)\":\\s*(.*)");

  static CreateRefusal classify(String message, ObjectRef controller) {
    String ns = controller.namespace();
    String m = message == null ? "" : message;
    Matcher quota = QUOTA.matcher(m);
    if (quota.find()) {
      String name = quota.group(1);
      String numbers = numbers(quota.group(2), quota.group(3), quota.group(4));
      return new CreateRefusal(
          "FailedCreate",
          "ResourceQuota " + name + " is exhausted: " + numbers,
          "raise ResourceQuota "
              + name
              + " in "
              + ns
              + ", lower the requests/limits of the pods, or scale down"
              + " other workloads in "
              + ns
              + " to free quota",
          "FailedCreate exceeded quota ResourceQuota",
          new ObjectRef("ResourceQuota", ns, name));
    }
    Matcher specify = MUST_SPECIFY.matcher(m);
    if (specify.find()) {
      return new CreateRefusal(
          "FailedCreate",
          "ResourceQuota "
              + specify.group(1)
              + " requires every container to set "
              + specify.group(2).replace("must specify ", ""),
          "set the requests/limits it names on every container of " + controller,
          "FailedCreate failed quota must specify limits",
          new ObjectRef("ResourceQuota", ns, specify.group(1)));
    }
    Matcher denied = WEBHOOK_DENIED.matcher(m);
    if (denied.find()) {
      return new CreateRefusal(
          "FailedCreate",
          "admission webhook " + denied.group(1) + " denied them: " + denied.group(2),
          "change the pod template to satisfy the policy behind "
              + denied.group(1)
              + ", or ask its owners for an exception",
          "FailedCreate admission webhook denied the request policy",
          null);
    }
    Matcher failed = WEBHOOK_FAILED.matcher(m);
    if (failed.find()) {
      return new CreateRefusal(
          "FailedCreate",
          "admission webhook " + failed.group(1) + " cannot be called: " + failed.group(2),
          "bring the webhook's service back (its pods and endpoints), or set its failurePolicy to Ignore",
          "FailedCreate failed calling webhook",
          null);
    }
    Matcher pss = POD_SECURITY.matcher(m);
    if (pss.find()) {
      return new CreateRefusal(
          "FailedCreate",
          "namespace "
              + ns
              + " enforces PodSecurity "
              + pss.group(1)
              + " and the pods violate it: "
              + pss.group(2),
          "set the securityContext fields it lists in the pod template of "
              + controller
              + " (or change the namespace's pod-security.kubernetes.io/enforce label)",
          "FailedCreate PodSecurity violates restricted baseline securityContext",
          null);
    }
    Optional<Missing> missing = Missing.in(m);
    if (missing.isPresent()) {
      return new CreateRefusal(
          "FailedCreate",
          missing.get().text(),
          missing.get().fix(ns, controller.toString()),
          "FailedCreate " + missing.get().kind() + " not found",
          missing.get().ref(ns));
    }
    if (m.contains("per Container") || m.contains("per Pod") || m.contains("LimitRange")) {
      return new CreateRefusal(
          "FailedCreate",
          "a LimitRange in " + ns + " rejects their resources: " + afterForbidden(m),
          "fit the requests/limits of "
              + controller
              + " into the namespace's LimitRange (kubectl describe limitrange -n "
              + ns
              + ")",
          "FailedCreate LimitRange maximum minimum per Container",
          null);
    }
    return new CreateRefusal(
        "FailedCreate",
        afterForbidden(m),
        "fix what the API server says above in the pod template of " + controller,
        "FailedCreate pods forbidden",
        null);
  }

  /** "requests.cpu: requested 500m, used 3800m of 4". */
  private static String numbers(String requested, String used, String limited) {
    List<String> out = new ArrayList<>();
    for (String req : requested.split(",")) {
      String[] kv = req.split("=", 2);
      if (kv.length != 2) {
        continue;
      }
      out.add(
          kv[0]
              + ": requested "
              + kv[1]
              + ", used "
              + value(used, kv[0])
              + " of "
              + value(limited, kv[0]));
    }
    return out.isEmpty()
        ? "requested " + requested + ", used " + used + ", limited " + limited
        : String.join("; ", out);
  }

  private static String value(String list, String key) {
    for (String kv : list.split(",")) {
      String[] p = kv.split("=", 2);
      if (p.length == 2 && p[0].strip().equals(key.strip())) {
        return p[1].strip();
      }
    }
    return "?";
  }

  private static String afterForbidden(String m) {
    int i = m.indexOf("is forbidden: ");
    return i >= 0
        ? m.substring(i + "is forbidden: ".length())
        : m.replaceFirst("^Error creating: ", "");
  }
}
