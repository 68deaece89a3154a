package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTextTest {
  static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

  static Event event(String reason, String message, int count, String last) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(reason + last)
        .endMetadata()
        .withNewInvolvedObject()
        .withKind("Pod")
        .withName("web-1")
        .endInvolvedObject()
        .withType("Warning")
        .withReason(reason)
        .withMessage(message)
        .withCount(count)
        .withLastTimestamp(last)
        .build();
  }

  @Test
  void repeats_merge_their_counts_and_the_newest_comes_first() {
    List<String> lines =
        EventText.lines(
            List.of(
                event("BackOff", "Back-off restarting", 3, "2026-01-10T11:00:00Z"),
                event("Pulled", "pulled", 1, "2026-01-10T11:30:00Z"),
                event("BackOff", "Back-off restarting", 4, "2026-01-10T11:58:00Z")),
            NOW);

    assertThat(lines)
        .containsExactly(
            "2m ago Warning BackOff pod/web-1: Back-off restarting (x7)",
            "30m ago Warning Pulled pod/web-1: pulled");
  }

  @Test
  void an_event_without_times_still_renders() {
    Event bare =
        new EventBuilder().withNewMetadata().withName("x").endMetadata().withReason("Odd").build();
    assertThat(EventText.lines(List.of(bare), NOW)).singleElement().asString().contains("Odd");
  }
}
