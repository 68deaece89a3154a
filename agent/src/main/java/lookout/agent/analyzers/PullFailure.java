package lookout.agent.analyzers;

import java.util.List;
import java.util.Locale;

/**
 * Why an image cannot be pulled, from the registry's and the runtime's words (containerd, CRI-O,
 * Docker): the image or tag does not exist, the registry refused the credentials, it rate-limits,
 * it cannot be reached, the name is malformed, no manifest matches the node's platform.
 *
 * @param cause what is wrong, to follow "image X "
 * @param fix what to change
 * @param query words for the runbook search
 */
record PullFailure(String cause, String fix, String query) {
  /**
   * Classifies the pull error in {@code messages} (waiting message and event messages).
   *
   * @param secrets the pod's imagePullSecrets names (empty when it has none)
   */
  static PullFailure classify(
      String reason,
      List<String> messages,
      String image,
      List<String> secrets,
      String owner,
      String nodeArch) {
    String m = String.join("\n", messages).toLowerCase(Locale.ROOT);
    String registry = registry(image);
    String tag = tag(image);
    if ("InvalidImageName".equals(reason) || m.contains("invalid reference format")) {
      return new PullFailure(
          "is not a valid image reference (InvalidImageName)",
          "correct the image field of " + owner,
          "InvalidImageName invalid reference format");
    }
    if ("ErrImageNeverPull".equals(reason)) {
      return new PullFailure(
          "is not on the node and imagePullPolicy is Never",
          "set imagePullPolicy: IfNotPresent in " + owner + ", or preload the image on the nodes",
          "ErrImageNeverPull imagePullPolicy Never");
    }
    if (m.contains("toomanyrequests")
        || m.contains("too many requests")
        || m.contains("rate limit")) {
      return new PullFailure(
          "cannot be pulled: " + registry + " rate-limits pulls (429 toomanyrequests)",
          "authenticate pulls from "
              + registry
              + " (imagePullSecrets with a paid or service account),"
              + " or pull through a registry mirror / copy the image to your own registry",
          "image pull rate limit toomanyrequests docker hub");
    }
    if (m.contains("no match for platform")) {
      return new PullFailure(
          "has no build for the node's platform"
              + (nodeArch == null ? "" : " (linux/" + nodeArch + ")")
              + " — no match for platform in manifest",
          "publish the image for linux/"
              + (nodeArch == null ? "<node arch>" : nodeArch)
              + " (a multi-arch build), or schedule the pods on nodes of the image's architecture",
          "image no match for platform in manifest architecture");
    }
    if (m.contains("repository does not exist or may require")) {
      // Docker Hub says the same for a repository that is missing and one that is private
      return new PullFailure(
          "cannot be pulled: repository "
              + repository(image)
              + " does not exist in "
              + registry
              + " or needs credentials (pull access denied); "
              + (secrets.isEmpty()
                  ? "the pod has no imagePullSecrets"
                  : "the pod uses imagePullSecrets " + String.join(", ", secrets)),
          "check the repository name in "
              + owner
              + "; if it is private, reference a docker-registry Secret for "
              + registry
              + " in imagePullSecrets",
          "image pull access denied repository does not exist or may require authorization");
    }
    if (m.contains("server gave http response to https client")) {
      return new PullFailure(
          "cannot be pulled: registry "
              + registry
              + " speaks plain HTTP and the node expects HTTPS",
          "serve "
              + registry
              + " over TLS, or configure it as an insecure/HTTP registry in the nodes'"
              + " container runtime (containerd hosts.toml)",
          "image pull http response to https client insecure registry");
    }
    if (m.contains("unauthorized")
        || m.contains("authentication required")
        || m.contains("no basic auth credentials")
        || m.contains("401")
        || m.contains("403 forbidden")
        || m.contains("requested access to the resource is denied")
        || m.contains("may require authorization")
        || m.contains("may require 'docker login'")) {
      String have =
          secrets.isEmpty()
              ? "the pod has no imagePullSecrets"
              : "the pod uses imagePullSecrets " + String.join(", ", secrets);
      return new PullFailure(
          "cannot be pulled: " + registry + " refused the credentials (unauthorized); " + have,
          secrets.isEmpty()
              ? "create a docker-registry Secret for "
                  + registry
                  + " and reference it in imagePullSecrets of "
                  + owner
                  + " (or of its service account)"
              : "check that Secret "
                  + String.join(", ", secrets)
                  + " holds valid, unexpired credentials for "
                  + registry
                  + " and that the account may pull this repository",
          "image pull unauthorized imagePullSecrets registry credentials");
    }
    if (m.contains("not found")
        || m.contains("manifest unknown")
        || m.contains("notfound")
        || m.contains("does not exist")
        || m.contains("name unknown")) {
      return new PullFailure(
          "does not exist in " + registry + (tag == null ? "" : " (tag " + tag + " not found)"),
          "correct the image tag in " + owner + " to one that was pushed, or push " + image,
          "image not found manifest unknown wrong tag ErrImagePull");
    }
    if (m.contains("no such host")
        || m.contains("i/o timeout")
        || m.contains("connection refused")
        || m.contains("network is unreachable")
        || m.contains("x509")
        || m.contains("tls:")
        || m.contains("dial tcp")
        || m.contains("deadline exceeded")
        || m.contains("server misbehaving")
        || m.contains("connection reset")) {
      String why =
          m.contains("x509") || m.contains("tls:")
              ? "its TLS certificate is not trusted by the node"
              : "the node cannot reach it";
      return new PullFailure(
          "cannot be pulled: registry " + registry + " is unreachable — " + why,
          m.contains("x509")
              ? "make the nodes trust "
                  + registry
                  + "'s certificate (containerd certs.d / CA bundle)"
              : "check DNS, proxy and firewall from the nodes to "
                  + registry
                  + " and the registry's health",
          "image pull registry unreachable dial tcp no such host i/o timeout");
    }
    return new PullFailure(
        "cannot be pulled (" + reason + ")",
        "check the image name and tag, the registry's availability and imagePullSecrets of "
            + owner,
        "ImagePullBackOff ErrImagePull");
  }

  /** The registry host of an image reference ("docker.io" when it names none). */
  static String registry(String image) {
    if (image == null) {
      return "the registry";
    }
    int slash = image.indexOf('/');
    if (slash > 0) {
      String first = image.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        return first;
      }
    }
    return "docker.io";
  }

  /** "shop/web" of "registry.example.com/shop/web:1.2". */
  static String repository(String image) {
    if (image == null) {
      return "?";
    }
    String r = image;
    int at = r.indexOf('@');
    if (at >= 0) {
      r = r.substring(0, at);
    }
    int colon = r.lastIndexOf(':');
    if (colon > r.lastIndexOf('/')) {
      r = r.substring(0, colon);
    }
    String registry = registry(image);
    return r.startsWith(registry + "/") ? r.substring(registry.length() + 1) : r;
  }

  static String tag(String image) {
    if (image == null || image.contains("@")) {
      return null;
    }
    int colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "latest";
  }
}
