package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceTest {

  @Test
  void names_that_fit_are_listed_whole() {
    assertThat(Evidence.names("pods on it: ", List.of("a", "b", "c")))
        .isEqualTo("pods on it: a, b, c");
  }

  @Test
  void names_that_do_not_fit_are_counted_not_cut() {
    // given 40 pod names of 30 characters: far more than one line holds
    List<String> names =
        IntStream.range(0, 40).mapToObj(i -> "prod/checkout-7d9f8b6c5-pod" + (100 + i)).toList();

    // when
    String line = Evidence.names("pods on it: ", names);

    // then
    assertThat(line.length()).isLessThanOrEqualTo(Evidence.MAX_LINE);
    assertThat(line).startsWith("pods on it: prod/checkout-7d9f8b6c5-pod100, ");
    assertThat(line).matches(".*pod1\\d\\d, … \\d+ more");
    int listed = line.split(", ").length - 1;
    assertThat(line).endsWith("… " + (40 - listed) + " more");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "59, 59s",
    "60, 1m",
    "3599, 59m",
    "3600, 1h",
    "172799, 47h",
    "172800, 2d",
    "-5, 0s"
  })
  void ages_are_coarse(long seconds, String expected) {
    assertThat(Evidence.age(Duration.ofSeconds(seconds))).isEqualTo(expected);
  }

  @Test
  void garbled_timestamps_are_unknown_not_errors() {
    assertThat(Evidence.instant("yesterday")).isEmpty();
    assertThat(Evidence.instant(null)).isEmpty();
    assertThat(Evidence.instant("2026-01-01T11:58:00.123456Z")).isPresent();
  }
}
