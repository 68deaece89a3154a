package lookout.approvals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may request and approve which actions where: the single choke point every write passes. Rules
 * are tried in order and the first one that covers the action decides; an action no rule covers is
 * refused. Build one with {@link PolicyLoader}; the file format is documented in POLICY.md.
 *
 * @param ttl default time a request stays pending
 * @param proposalTtl how long a suggested-action button stays clickable
 * @param selfApproval default for rules that do not say
 * @param groups group name → qualified user ids
 * @param identities qualified chat user id → the Kubernetes identity approved actions run as when
 *     impersonation is on (empty: none mapped)
 */
public record Policy(
    Duration ttl,
    Duration proposalTtl,
    boolean selfApproval,
    Map<String, List<String>> groups,
    List<PolicyRule> rules,
    Map<String, KubeIdentity> identities) {
  private static final String SANDBOX_RESOURCE = "sandbox-policy.yaml";

  public Policy {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(proposalTtl, "proposalTtl");
    groups = Map.copyOf(groups);
    rules = List.copyOf(rules);
    identities = identities == null ? Map.of() : Map.copyOf(identities);
  }

  /** The Kubernetes identity {@code qualifiedUser} is mapped to, if the policy names one. */
  public Optional<KubeIdentity> identityOf(String qualifiedUser) {
    return Optional.ofNullable(qualifiedUser).map(identities::get);
  }

  /** The built-in policy used when none is configured (see the resource sandbox-policy.yaml). */
  public static Policy sandboxDefault() {
    try (InputStream in = Policy.class.getResourceAsStream(SANDBOX_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in " + SANDBOX_RESOURCE + " is missing from the jar");
      }
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return PolicyLoader.parse(yaml, SANDBOX_RESOURCE + " (built in)");
    } catch (IOException e) {
      throw new IllegalStateException("while reading built-in " + SANDBOX_RESOURCE, e);
    }
  }

  /** The first rule that covers the action, if any. */
  public Optional<PolicyRule> ruleFor(Action action) {
    return rules.stream().filter(r -> r.covers(action)).findFirst();
  }

  /**
   * Checks that {@code requester} may ask for {@code action} and that the action is within limits.
   *
   * @return the rule that decides the request
   * @throws PolicyException naming the reason and the rule
   */
  public PolicyRule checkRequest(Action action, String requester) {
    PolicyRule rule =
        ruleFor(action)
            .orElseThrow(
                () ->
                    new PolicyException(
                        "no policy rule covers "
                            + action.kind()
                            + " in namespace "
                            + action.namespace()
                            + " on cluster "
                            + action.cluster()
                            + ", so nobody may request it"));
    if (rule.requesters().isEmpty()) {
      throw new PolicyException(
          action.kind() + " in " + action.namespace() + " is not allowed (" + where(rule) + ")");
    }
    if (!isListed(rule.requesters(), requester)) {
      throw new PolicyException(
          requester
              + " may not request "
              + action.kind()
              + " in "
              + action.namespace()
              + " ("
              + where(rule)
              + ")");
    }
    if (action instanceof ScaleWorkload scale) {
      checkReplicas(scale, rule);
    }
    if (action instanceof AlertSilence silence) {
      SilencePolicy.checkRequest(this, silence, rule, requester);
    }
    return rule;
  }

  /**
   * True when {@code user} may do {@code action} alone, without anyone else approving: a silence
   * within the covering rule's {@code silenceAlone}, or an unsilence, by one of its approvers.
   * Every other action needs its approvals.
   */
  boolean actsAlone(Action action, String user) {
    return action instanceof AlertSilence silence
        && ruleFor(action).map(r -> SilencePolicy.actsAlone(this, silence, r, user)).orElse(false);
  }

  /** Why {@code user} may not approve the request, or empty if they may. */
  Optional<String> approveRefusal(ApprovalRequest request, String user) {
    Optional<PolicyRule> rule = ruleFor(request.action());
    if (rule.isEmpty()) {
      return Optional.of("no policy rule covers " + request.action().describe() + " any more");
    }
    if (user.equals(request.requester()) && !rule.get().selfApproval()) {
      return Optional.of("you requested this; another approver must approve");
    }
    if (!isListed(rule.get().approvers(), user)) {
      return Optional.of(user + " is not an approver for " + request.action().namespace());
    }
    return Optional.empty();
  }

  /**
   * Why {@code user} may not reset the breaker for {@code key}, or empty if they may: resetting
   * needs the rights to approve that action kind on that target.
   */
  Optional<String> resetRefusal(BreakerKey key, String user) {
    Optional<PolicyRule> rule =
        rules.stream()
            .filter(r -> r.covers(key.kind(), key.cluster(), key.namespace()))
            .findFirst();
    if (rule.isEmpty()) {
      return Optional.of("no policy rule covers " + key.kind() + " in " + key.namespace());
    }
    if (!isListed(rule.get().approvers(), user)) {
      return Optional.of(
          user
              + " is not an approver for "
              + key.kind()
              + " in "
              + key.namespace()
              + " ("
              + where(rule.get())
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Why {@code user} may not reject the request, or empty if they may. Rejecting needs approver
   * rights, except that requesters may always cancel their own request.
   */
  Optional<String> rejectRefusal(ApprovalRequest request, String user) {
    if (user.equals(request.requester())) {
      return Optional.empty();
    }
    Optional<PolicyRule> rule = ruleFor(request.action());
    if (rule.isPresent() && isListed(rule.get().approvers(), user)) {
      return Optional.empty();
    }
    return Optional.of(
        user + " is not an approver for " + request.action().namespace() + ", so may not reject");
  }

  /**
   * The people who may approve {@code action}, as qualified user ids: the covering rule's approvers
   * with its groups expanded, in the order the policy names them, without duplicates. {@code *}
   * names nobody in particular and adds no one. Empty when no rule covers the action.
   */
  public List<String> approversOf(Action action) {
    java.util.Set<String> people = new java.util.LinkedHashSet<>();
    for (String entry : ruleFor(action).map(PolicyRule::approvers).orElse(List.of())) {
      if (UserIds.isGroupRef(entry)) {
        people.addAll(groups.getOrDefault(UserIds.groupName(entry), List.of()));
      } else if (!entry.equals(UserIds.ANYONE)) {
        people.add(entry);
      }
    }
    return List.copyOf(people);
  }

  /**
   * True when {@code user} is named by one of the entries ({@code *}, group:x, or the id itself).
   */
  boolean isListed(List<String> entries, String user) {
    for (String entry : entries) {
      if (entry.equals(UserIds.ANYONE) || entry.equals(user)) {
        return true;
      }
      if (UserIds.isGroupRef(entry)
          && groups.getOrDefault(UserIds.groupName(entry), List.of()).contains(user)) {
        return true;
      }
    }
    return false;
  }

  private static void checkReplicas(ScaleWorkload scale, PolicyRule rule) {
    if (scale.replicas() == 0 && !rule.allowScaleToZero()) {
      throw new PolicyException(
          "scaling to 0 replicas is not allowed in "
              + scale.namespace()
              + " ("
              + where(rule)
              + ")");
    }
    if (rule.maxReplicas().isPresent() && scale.replicas() > rule.maxReplicas().getAsInt()) {
      throw new PolicyException(
          "scaling to "
              + scale.replicas()
              + " replicas exceeds the limit of "
              + rule.maxReplicas().getAsInt()
              + " in "
              + scale.namespace()
              + " ("
              + where(rule)
              + ")");
    }
  }

  private static String where(PolicyRule rule) {
    return "policy rule " + rule.label();
  }
}
