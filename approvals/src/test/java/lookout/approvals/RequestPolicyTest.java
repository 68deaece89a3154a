package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the policy checks when a request is created, before anyone is asked to approve. */
class RequestPolicyTest {
  @TempDir Path dir;
  Approvals approvals;

  @BeforeEach
  void setUp() {
    approvals = new Fixture(dir).approvals;
  }

  @Test
  void scale_over_max_replicas_is_refused_at_request() {
    ScaleWorkload tooMany = new ScaleWorkload("sandbox", "prod", "Deployment", "api", 21);

    assertThatThrownBy(() -> approvals.request(tooMany, "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessage("scaling to 21 replicas exceeds the limit of 20 in prod (policy rule prod)");
    assertThat(approvals.recent(10)).isEmpty();
  }

  @Test
  void the_people_asked_to_approve_are_the_covering_rules_approvers_with_groups_expanded() {
    Policy policy =
        PolicyLoader.parse(
            """
            groups:
              sre: [wecom:zhangsan, wecom:lisi]
            rules:
              - namespaces: [prod]
                approvers: ["group:sre", "wecom:wangwu", "wecom:lisi"]
              - namespaces: ["*"]
                approvers: ["*"]
            """,
            "policy.yaml");

    assertThat(policy.approversOf(new RestartDeployment("sandbox", "prod", "checkout")))
        .containsExactly("wecom:zhangsan", "wecom:lisi", "wecom:wangwu");
    assertThat(policy.approversOf(new RestartDeployment("sandbox", "dev", "checkout")))
        .as("anyone may approve: nobody in particular is asked")
        .isEmpty();
  }

  static Stream<Arguments> refusedRequests() {
    return Stream.of(
        Arguments.of(
            new ScaleWorkload("sandbox", "prod-eu", "StatefulSet", "db", 0),
            "slack:U1",
            "scaling to 0 replicas is not allowed in prod-eu (policy rule prod)"),
        Arguments.of(
            Fixture.RESTART, "bob", "requester \"bob\" is not a platform-qualified user id"),
        Arguments.of(
            Fixture.RESTART,
            "group:sre",
            "requester \"group:sre\" is not a platform-qualified user id"),
        Arguments.of(Fixture.RESTART, null, "no requester given — expected platform:id"));
  }

  @ParameterizedTest
  @MethodSource("refusedRequests")
  void requests_outside_policy_are_refused(Action action, String who, String message) {
    assertThatThrownBy(() -> approvals.request(action, who))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(message);
    assertThat(approvals.recent(10)).isEmpty();
  }

  @Test
  void scale_within_limits_is_accepted() {
    ApprovalRequest r =
        approvals.request(
            new ScaleWorkload("sandbox", "prod", "Deployment", "api", 20), "slack:U1");

    assertThat(approvals.find(r.id())).contains(r);
    assertThat(r.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(r.expiresAt()).isEqualTo(r.createdAt().plusSeconds(15 * 60));
  }
}
