package lookout.agent.analyzers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduler's FailedScheduling message taken apart, as {@code FitError.Error()} builds it:
 * {@code 0/5 nodes are available: <pre-filter message>. <N reason, M reason>. preemption: …}.
 *
 * @param nodes how many nodes the scheduler considered, or -1 when the message does not say
 * @param parts each reason with the number of nodes it excluded (0 for a pre-filter message that
 *     applies to the pod as a whole, such as unbound claims)
 * @param preemption what the preemption attempt said, or ""
 */
record SchedulerMessage(int nodes, List<Part> parts, String preemption) {
  private static final Pattern HEAD = Pattern.compile("(\\d+)/(\\d+) nodes are available:?");
  private static final Pattern COUNTED = Pattern.compile("^(\\d+) (.+)$");

  /** One reason: "3 node(s) had untolerated taint {dedicated: gpu}" is (3, "node(s) had …"). */
  record Part(int count, String reason) {}

  static SchedulerMessage parse(String message) {
    if (message == null) {
      return new SchedulerMessage(-1, List.of(), "");
    }
    String text = message.strip();
    String preemption = "";
    int pre = text.indexOf(" preemption:");
    if (pre >= 0) {
      preemption = text.substring(pre + " preemption:".length()).strip();
      text = text.substring(0, pre).strip();
    }
    int nodes = -1;
    Matcher head = HEAD.matcher(text);
    if (head.find()) {
      nodes = Integer.parseInt(head.group(2));
      text = text.substring(head.end()).strip();
    }
    List<Part> parts = new ArrayList<>();
    for (String sentence : text.split("\\.\\s+|\\.$")) {
      for (String item : sentence.split(",\\s+(?=\\d+ )")) {
        String s = item.strip();
        if (s.isEmpty()) {
          continue;
        }
        Matcher counted = COUNTED.matcher(s);
        parts.add(
            counted.matches()
                ? new Part(Integer.parseInt(counted.group(1)), counted.group(2))
                : new Part(0, s));
      }
    }
    return new SchedulerMessage(nodes, List.copyOf(parts), preemption);
  }
}
