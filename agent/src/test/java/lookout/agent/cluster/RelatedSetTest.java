package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lookout.agent.analyzers.ReadGap;
import lookout.agent.analyzers.Related;
import org.junit.jupiter.api.Test;

class RelatedSetTest {
  @Test
  void a_read_gap_is_kept_once_however_often_it_is_added() {
    ReadGap gap =
        new ReadGap("list", "ingresses", "networking.k8s.io", "shop", ReadGap.Reason.FORBIDDEN, "");
    Related withGap =
        new Related(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(gap));

    Related merged = new RelatedSet().addAll(withGap).addAll(withGap).build();

    assertThat(merged.gaps()).containsExactly(gap);
  }
}
