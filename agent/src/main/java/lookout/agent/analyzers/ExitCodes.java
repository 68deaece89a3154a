package lookout.agent.analyzers;

/** What a container exit code usually means, so a summary says more than a number. */
final class ExitCodes {
  private ExitCodes() {}

  /** A short meaning for well-known exit codes, or "" when the code says nothing general. */
  static String meaning(int code) {
    return switch (code) {
      case 126 -> "command not executable";
      case 127 -> "command not found";
      case 128 + 6 -> "SIGABRT";
      case 128 + 9 -> "SIGKILL: OOM killer or liveness probe";
      case 128 + 11 -> "SIGSEGV: segmentation fault";
      case 128 + 15 -> "SIGTERM";
      default -> "";
    };
  }

  /** "exit code 1 (Error)" or "exit code 127 (ContainerCannotRun, command not found)". */
  static String describe(Integer code, String reason) {
    if (code == null) {
      return reason == null ? "exit code unknown" : "reason " + reason;
    }
    String meaning = meaning(code);
    String why = reason == null || reason.isBlank() ? "" : reason;
    if (!meaning.isEmpty()) {
      why = why.isEmpty() ? meaning : why + ", " + meaning;
    }
    return "exit code " + code + (why.isEmpty() ? "" : " (" + why + ")");
  }
}
