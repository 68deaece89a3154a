package lookout.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lookout.agent.Answer;
import lookout.agent.analyzers.ObjectRef;
import org.junit.jupiter.api.Test;

/**
 * An overview says why its first items are broken, within a budget, whatever one diagnosis does.
 */
class OverviewCausesTest {
  static final ObjectRef GEO = new ObjectRef("Deployment", "edge", "geo-ip");
  static final ObjectRef BROKEN = new ObjectRef("Deployment", "edge", "unreadable");
  static final ObjectRef SLOW = new ObjectRef("Deployment", "edge", "slow");

  /** A diagnoser that answers from a table, throws for one object and hangs for another. */
  static final class TableDiagnoser implements Diagnoser {
    @Override
    public Answer diagnose(ObjectRef target) {
      if (target.equals(BROKEN)) {
        throw new IllegalStateException("forbidden");
      }
      if (target.equals(SLOW)) {
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Replies.text(target + " cannot start: ImagePullBackOff, tag 2.14.0 not found");
    }

    @Override
    public Answer namespace(String namespace) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void each_item_diagnosed_in_time_gets_its_headline_and_the_others_are_left_out() {
    long start = System.nanoTime();

    Map<ObjectRef, String> causes =
        OverviewCauses.of(List.of(GEO, BROKEN, SLOW), new TableDiagnoser(), Duration.ofMillis(300));

    assertThat(causes)
        .containsExactly(
            Map.entry(
                GEO,
                "deployment edge/geo-ip cannot start: ImagePullBackOff, tag 2.14.0 not found"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void without_a_diagnoser_there_are_no_causes() {
    assertThat(OverviewCauses.of(List.of(GEO), null, Duration.ofSeconds(1))).isEmpty();
  }
}
