package lookout.adapters.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Neutral messages every platform renderer is tested with (each renderer keeps its own golden files
 * of them): a diagnosis with code and buttons, an approval card, and an answer too long for one
 * chat message.
 */
public final class MessageFixtures {
  private MessageFixtures() {}

  public static Message answerWithCodeAndButtons() {
    return new Message(
        "checkout in staging is in CrashLoopBackOff",
        List.of(
            new Part.Section(
                "Diagnosis",
                "Container app exited with code 1 three times in 10 minutes: <missing> env"
                    + " DATABASE_URL & no default."),
            new Part.Facts(
                List.of(
                    new Part.Fact("Namespace", "staging"),
                    new Part.Fact("Restarts", "14"),
                    new Part.Fact("Node", "node-2"))),
            new Part.Code(
                "2026-11-22T00:00:01Z ERROR config: DATABASE_URL is not set\n"
                    + "2026-11-22T00:00:01Z INFO shutting down"),
            new Part.Section("Runbook: KubePodCrashLooping", "Check the previous container log."),
            new Part.Actions(
                List.of(
                    new Part.Button(
                        "Request: restart checkout", "p1.restart.sig", Part.Style.PRIMARY),
                    new Part.Button(
                        "Request: scale checkout to 0", "p1.scale.sig", Part.Style.DEFAULT))),
            new Part.Note("read from cluster sandbox at 00:00:03 UTC")));
  }

  public static Message approvalCard() {
    return new Message(
        "Approval needed: restart deployment staging/checkout",
        List.of(
            new Part.Facts(
                List.of(
                    new Part.Fact("Requested by", "slack:U0ALICE"),
                    new Part.Fact("Action", "restart deployment staging/checkout"),
                    new Part.Fact("Expires", "in 15 minutes"))),
            new Part.Actions(
                List.of(
                    new Part.Button("Approve", "a1.approve.sig", Part.Style.PRIMARY),
                    new Part.Button("Reject", "a1.reject.sig", Part.Style.DANGER))),
            new Part.Note("Only an approver other than the requester can approve.")));
  }

  /** 120 log lines of 80 characters, 60 sections of about 500 characters, then a button. */
  public static Message tooLongAnswer() {
    List<Part> parts = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      log.append(String.format("%03d ", i)).append("x".repeat(76)).append('\n');
    }
    parts.add(new Part.Code(log.toString().strip()));
    for (int i = 0; i < 60; i++) {
      parts.add(new Part.Section("Part " + i, ("word" + i + " ").repeat(80).strip()));
    }
    parts.add(
        new Part.Actions(
            List.of(new Part.Button("Request: restart", "p2.sig", Part.Style.PRIMARY))));
    return new Message("a very long answer", parts);
  }
}
