package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dry run before a request, and the re-read of the target before it runs. */
class DriftTest {
  @TempDir Path dir;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(dir);
  }

  @Test
  void request_carries_what_the_dry_run_says_will_change() {
    ApprovalRequest r =
        f.approvals.request(
            new ScaleWorkload("sandbox", "prod", "Deployment", "api", 5), "console:alice");

    assertThat(r.dryRun()).isEqualTo("replicas 3 → 5");
    assertThat(f.approvals.find(r.id()).orElseThrow().before()).isEqualTo(CountingExecutor.START);
  }

  @Test
  void a_refused_dry_run_creates_no_request() {
    f.executor.dryRunFailingWith(new IllegalStateException("deployments.apps \"api\" not found"));

    assertThatThrownBy(() -> f.approvals.request(Fixture.RESTART, "console:alice"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "the cluster refused a dry run of restart deployment prod/checkout:"
                + " deployments.apps \"api\" not found");
    assertThat(f.approvals.recent(5)).isEmpty();
  }

  static Stream<Arguments> drifts() {
    return Stream.of(
        Arguments.of(
            Optional.of(new TargetSnapshot(4, 8)),
            "replicas of prod/checkout changed from 3 to 4 since the request"),
        Arguments.of(
            Optional.of(new TargetSnapshot(3, 8)),
            "prod/checkout was changed since the request (generation 7 → 8)"),
        Arguments.of(Optional.empty(), "prod/checkout no longer exists"));
  }

  @ParameterizedTest
  @MethodSource("drifts")
  void a_target_that_drifted_after_the_request_is_not_touched(
      Optional<TargetSnapshot> now, String why) {
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    f.executor.target(now);

    ApprovalRequest done = f.approvals.execute(r.id());

    assertThat(f.executor.calls()).isZero();
    assertThat(done.state()).isEqualTo(State.DRIFTED);
    assertThat(done.result()).isEqualTo("stopped before changing anything: " + why);
    assertThat(f.approvals.audit(r.id()))
        .extracting(AuditEntry::event)
        .containsExactly("requested", "approved", "executing", "drifted");
    assertThat(f.approvals.openBreakers()).isEmpty(); // drift is not a failure of the action
  }

  @Test
  void an_unchanged_target_runs_and_the_caller_sees_it_executing_first() {
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    List<State> seen = new ArrayList<>();

    ApprovalRequest done = f.approvals.execute(r.id(), started -> seen.add(started.state()));

    assertThat(done.state()).isEqualTo(State.SUCCEEDED);
    assertThat(seen).containsExactly(State.EXECUTING);
    assertThat(f.executor.calls()).isEqualTo(1);
  }

  @Test
  void a_drifted_target_is_never_reported_as_executing() {
    ApprovalRequest r = f.approvals.request(Fixture.RESTART, "console:alice");
    f.approvals.decide(f.approvals.approveToken(r), "console:bob");
    f.executor.target(Optional.empty());
    List<State> seen = new ArrayList<>();

    f.approvals.execute(r.id(), started -> seen.add(started.state()));

    assertThat(seen).isEmpty();
  }
}
