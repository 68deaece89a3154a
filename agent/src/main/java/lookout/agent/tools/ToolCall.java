package lookout.agent.tools;

/**
 * One tool call as it happened, for the answer's trail, the metrics and tests.
 *
 * @param outcome success, no_data, error, approval_required, refused, repeated
 */
public record ToolCall(String tool, String arguments, String outcome, String result) {
  static String outcomeOf(String result) {
    if (result.startsWith("ERROR")) {
      return "error";
    }
    if (result.startsWith("NO_DATA") || result.startsWith("NOT_FOUND")) {
      return "no_data";
    }
    if (result.startsWith("APPROVAL_REQUIRED")) {
      return "approval_required";
    }
    if (result.startsWith("REFUSED") || result.startsWith("AMBIGUOUS")) {
      return "refused";
    }
    return "success";
  }
}
