package lookout.agent.analyzers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a container could not be created or started, read from the runtime's words as the kubelet
 * passes them on (containerd, CRI-O, runc): a command that is not in the image, a binary for
 * another CPU architecture, a file that is not executable, runAsNonRoot against a root image, a
 * missing ConfigMap or Secret.
 *
 * @param text what is wrong, to follow "cannot start: " or "keeps crashing: "
 * @param fix what to change
 * @param query words for the runbook search
 * @param missing the missing object, when that is the cause
 */
record StartFailure(String text, String fix, String query, Optional<Missing> missing) {
  private static final Pattern EXEC = Pattern.compile("exec: \"([^\"]+)\"");
  private static final Pattern EXEC_LOG = Pattern.compile("exec ([^:\\s]+): exec format error");
  private static final Pattern STAT = Pattern.compile("stat ([^:\\s]+): no such file or directory");

  /**
   * Classifies {@code message} (a waiting or termination message, an event message or a log line).
   *
   * @param workload "deployment shop/web", named in fixes; null for a bare pod
   * @param nodeArch the architecture of the pod's node, or null when unknown
   */
  static Optional<StartFailure> classify(
      String message, String namespace, String workload, String node, String nodeArch) {
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    String m = message.toLowerCase(Locale.ROOT);
    String where = workload == null ? "the pod spec" : workload;
    Optional<Missing> missing = Missing.in(message);
    if (missing.isPresent()) {
      return Optional.of(
          new StartFailure(
              missing.get().text(),
              missing.get().fix(namespace, workload),
              "container config error " + missing.get().kind() + " not found",
              missing));
    }
    if (m.contains("exec format error")) {
      String arch = nodeArch == null ? "" : " (" + nodeArch + ")";
      return Optional.of(
          new StartFailure(
              "its binary"
                  + command(message).map(c -> " " + c).orElse("")
                  + " is built for another CPU architecture than node "
                  + (node == null ? "?" : node)
                  + arch
                  + " — exec format error",
              "build and push the image for linux/"
                  + (nodeArch == null ? "<node architecture>" : nodeArch)
                  + " (a multi-arch image: docker buildx build --platform"
                  + " linux/amd64,linux/arm64), or pin the pods to nodes of the image's"
                  + " architecture with nodeSelector kubernetes.io/arch",
              "exec format error image architecture mismatch",
              Optional.empty()));
    }
    if (m.contains("executable file not found")) {
      String cmd = command(message).orElse("the command");
      return Optional.of(
          new StartFailure(
              "command " + cmd + " is not in the image (executable file not found in $PATH)",
              "correct command/args in " + where + ", or add " + cmd + " to the image",
              "container command not found executable file not found in PATH",
              Optional.empty()));
    }
    if (m.contains("no such file or directory")) {
      String file = match(STAT, message).or(() -> command(message)).orElse("the entrypoint");
      return Optional.of(
          new StartFailure(
              file + " does not exist in the image (no such file or directory)",
              "correct the command or entrypoint path in " + where + ", or fix the image build",
              "container entrypoint no such file or directory",
              Optional.empty()));
    }
    if (m.contains("permission denied") && (m.contains("exec") || m.contains("start container"))) {
      String cmd = command(message).orElse("the entrypoint");
      return Optional.of(
          new StartFailure(
              cmd + " is not executable (permission denied)",
              "make "
                  + cmd
                  + " executable in the image (chmod +x) or run it through its interpreter",
              "container permission denied exec",
              Optional.empty()));
    }
    if (m.contains("runasnonroot")) {
      return Optional.of(
          new StartFailure(
              "securityContext.runAsNonRoot is set but the image runs as root",
              "set securityContext.runAsUser to a non-zero UID in "
                  + where
                  + ", or build the image with a non-root USER",
              "runAsNonRoot image will run as root",
              Optional.empty()));
    }
    if (m.contains("failed to reserve container name")) {
      return Optional.of(
          new StartFailure(
              "the runtime still holds a container of the same name (failed to reserve container"
                  + " name); it usually clears within minutes",
              "if it persists, check the node's container runtime (crictl ps -a) and its disk"
                  + " I/O",
              "failed to reserve container name",
              Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * The command a runtime message or a log line names: {@code exec: "foo"} or {@code exec foo:}.
   */
  private static Optional<String> command(String message) {
    return match(EXEC, message).or(() -> match(EXEC_LOG, message));
  }

  private static Optional<String> match(Pattern p, String message) {
    Matcher m = p.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
