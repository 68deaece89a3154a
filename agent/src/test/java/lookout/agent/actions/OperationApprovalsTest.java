package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import lookout.agent.sandbox.SandboxCluster;
import lookout.approvals.Action;
import lookout.approvals.ApprovalRequest;
import lookout.approvals.Approvals;
import lookout.approvals.AuditEntry;
import lookout.approvals.Decision;
import lookout.approvals.PolicyException;
import lookout.approvals.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action kind beyond restart and scale through the whole approval path on the sandbox's API
 * server (fabric8's mock with the sandbox's dry runs and evictions): requested (policy, breaker,
 * server-side dry run), approved by another person, executed once, and the request — what the card
 * shows — carries the dry run and the result; a missing target fails the dry run; a target changed
 * after the request drifts; the policy refuses whoever it does not list; three failures open the
 * breaker.
 */
class OperationApprovalsTest {
  static final Instant NOW = Instant.parse("2026-11-22T03:04:05Z");
  static final AtomicInteger NAMESPACES = new AtomicInteger();

  @TempDir static Path dir;
  static SandboxCluster sandbox;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    client = sandbox.client();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static List<OperationCase> cases() {
    return OperationCases.all();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void approved_by_another_it_runs_once_and_the_card_shows_the_result(OperationCase c) {
    String ns = fresh(c);
    Approvals approvals = OperationFixture.approvals(dir, OperationFixture.executor(client));
    Action action = c.action().apply(ns);

    ApprovalRequest request = approvals.request(action, "console:alice");
    Decision decision = approvals.decide(approvals.approveToken(request), "console:bob");
    ApprovalRequest done = approvals.execute(request.id());

    assertThat(request.state()).isEqualTo(State.PENDING);
    assertThat(request.dryRun()).isNotBlank();
    assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
    assertThat(done.state()).as(done.result()).isEqualTo(State.SUCCEEDED);
    assertThat(done.result()).startsWith(c.result().replace("%ns", ns));
    c.done().accept(client, ns);
    assertThat(approvals.execute(request.id())).as("once").isEqualTo(done);
    assertThat(approvals.audit(request.id()))
        .extracting(AuditEntry::event)
        .containsSubsequence("requested", "approved", "executing", "succeeded");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void a_missing_target_fails_the_dry_run_and_nobody_is_asked(OperationCase c) {
    String ns = "missing-" + NAMESPACES.incrementAndGet();
    Approvals approvals = OperationFixture.approvals(dir, OperationFixture.executor(client));

    assertThatThrownBy(() -> approvals.request(c.action().apply(ns), "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("the cluster refused a dry run of ");
    assertThat(approvals.recent(10)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void a_target_changed_after_the_request_is_not_touched(OperationCase c) {
    String ns = fresh(c);
    Approvals approvals = OperationFixture.approvals(dir, OperationFixture.executor(client));
    ApprovalRequest request = approvals.request(c.action().apply(ns), "console:alice");
    approvals.decide(approvals.approveToken(request), "console:bob");

    c.drift().accept(client, ns);
    ApprovalRequest done = approvals.execute(request.id());

    assertThat(done.state()).as(done.result()).isEqualTo(State.DRIFTED);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void someone_the_policy_does_not_list_cannot_request_it(OperationCase c) {
    String ns = fresh(c);
    Approvals approvals = OperationFixture.approvals(dir, OperationFixture.executor(client));
    Action action = c.action().apply(ns);

    assertThatThrownBy(() -> approvals.request(action, "console:mallory"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("console:mallory may not request " + action.kind() + " in ");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void three_failed_executions_open_the_breaker(OperationCase c) {
    // impersonation on and no identity mapped: every execution fails before touching the cluster
    KubernetesActionExecutor failing =
        new KubernetesActionExecutor(
            Map.of("sandbox", client),
            OperationFixture.clock(),
            Optional.of(user -> Optional.empty()));
    Approvals approvals = OperationFixture.approvals(dir, failing);
    String ns = fresh(c);
    Action action = c.action().apply(ns);
    for (int i = 0; i < 3; i++) {
      ApprovalRequest r = approvals.request(action, "console:alice");
      approvals.decide(approvals.approveToken(r), "console:bob");
      assertThat(approvals.execute(r.id()).state()).isEqualTo(State.FAILED);
    }

    assertThatThrownBy(() -> approvals.request(action, "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("is open after 3 failed executions in a row");
  }

  private static String fresh(OperationCase c) {
    String ns = c.name().replace("-", "") + "-" + NAMESPACES.incrementAndGet();
    c.create(client, ns);
    return ns;
  }
}
