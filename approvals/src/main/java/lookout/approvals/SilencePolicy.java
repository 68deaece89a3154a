package lookout.approvals;

import java.time.Duration;

/**
 * The policy's rules for {@link AlertSilence} actions. Silencing takes effect at once and hides
 * alerts from everyone, so only people a rule lists as approvers may silence or unsilence at all
 * (and only if its requesters list them too); up to the rule's {@code silenceAlone} an approver
 * acts alone, a longer silence is a request another approver must approve, and nothing longer than
 * {@code maxSilence} is accepted.
 */
final class SilencePolicy {
  static final Duration MIN_SILENCE = Duration.ofMinutes(1);

  private SilencePolicy() {}

  /**
   * @throws PolicyException naming the reason and the rule
   */
  static void checkRequest(Policy policy, AlertSilence action, PolicyRule rule, String requester) {
    if (!policy.isListed(rule.approvers(), requester)) {
      throw new PolicyException(
          requester
              + " may not "
              + (action instanceof ExpireSilence ? "unsilence" : "silence")
              + " alerts in "
              + where(action)
              + ": only approvers may ("
              + rule.approvers().stream().reduce((a, b) -> a + ", " + b).orElse("")
              + "; policy rule "
              + rule.label()
              + ")");
    }
    if (action instanceof SilenceAlerts s) {
      if (!s.createdBy().equals(requester)) {
        throw new PolicyException(
            "a silence is created by whoever asks for it; "
                + requester
                + " cannot create one for "
                + s.createdBy());
      }
      if (s.duration().compareTo(MIN_SILENCE) < 0) {
        throw new PolicyException(
            "a silence of "
                + SilenceDurations.format(s.duration())
                + " is shorter than the minimum of "
                + SilenceDurations.format(MIN_SILENCE));
      }
      if (s.duration().compareTo(rule.maxSilence()) > 0) {
        throw new PolicyException(
            "a silence of "
                + SilenceDurations.format(s.duration())
                + " exceeds the limit of "
                + SilenceDurations.format(rule.maxSilence())
                + " in "
                + where(action)
                + " (policy rule "
                + rule.label()
                + ")");
      }
    }
  }

  /** True when the rule lets {@code user}, an approver, do this without a second approver. */
  static boolean actsAlone(Policy policy, AlertSilence action, PolicyRule rule, String user) {
    if (!policy.isListed(rule.approvers(), user)) {
      return false;
    }
    return switch (action) {
      case ExpireSilence e -> true;
      case SilenceAlerts s -> s.duration().compareTo(rule.silenceAlone()) <= 0;
    };
  }

  private static String where(Action action) {
    return action.namespace().isEmpty() ? "cluster-wide alerts" : action.namespace();
  }
}
