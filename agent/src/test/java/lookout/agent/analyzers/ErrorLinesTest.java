package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorLinesTest {

  static Stream<Arguments> logs() {
    return Stream.of(
        Arguments.of(
            "error keywords are kept, noise is not, last lines always",
            List.of(
                "starting",
                "INFO listening on :8080",
                "ERROR db connect failed",
                "info tick",
                "info a",
                "info b",
                "bye"),
            List.of("ERROR db connect failed", "info a", "info b", "bye")),
        Arguments.of(
            "java exception with cause, frames dropped",
            List.of(
                "Exception in thread \"main\" java.lang.IllegalStateException: no config",
                "\tat app.Main.main(Main.java:3)",
                "Caused by: java.io.FileNotFoundException: /etc/app.yaml",
                "\t... 3 more",
                "x",
                "y",
                "z"),
            List.of(
                "Exception in thread \"main\" java.lang.IllegalStateException: no config",
                "Caused by: java.io.FileNotFoundException: /etc/app.yaml",
                "x",
                "y",
                "z")),
        Arguments.of(
            "go panic and python traceback",
            List.of(
                "panic: runtime error: index out of range",
                "goroutine 1 [running]:",
                "main.main()",
                "a",
                "b",
                "c",
                "Traceback (most recent call last):",
                "q",
                "r",
                "s"),
            List.of(
                "panic: runtime error: index out of range",
                "Traceback (most recent call last):",
                "q",
                "r",
                "s")),
        Arguments.of(
            "repeats with different timestamps fold to the latest",
            List.of(
                "2026-01-01T11:00:01Z error: dial tcp 10.0.0.1:5432: connection refused",
                "2026-01-01T11:00:02Z error: dial tcp 10.0.0.1:5432: connection refused",
                "2026-01-01T11:00:03Z error: dial tcp 10.0.0.1:5432: connection refused",
                "ok"),
            List.of(
                "(×3) 2026-01-01T11:00:03Z error: dial tcp 10.0.0.1:5432: connection refused",
                "ok")),
        Arguments.of(
            "klog lines and level=error",
            List.of(
                "E0101 11:00:00.123456 1 main.go:42] cannot load certs",
                "level=error msg=\"boom\"",
                "end"),
            List.of(
                "E0101 11:00:00.123456 1 main.go:42] cannot load certs",
                "level=error msg=\"boom\"",
                "end")),
        Arguments.of(
            "blank and null-free short log", List.of("", "   ", "only line"), List.of("only line")),
        Arguments.of(
            "frames at the very end are not final words",
            List.of(
                "INFO boot",
                "Exception in thread \"main\" java.lang.IllegalStateException: DATABASE_URL is not"
                    + " set",
                "\tat com.example.Config.url(Config.java:42)",
                "at com.example.Main.main(Main.java:19)"),
            List.of(
                "INFO boot",
                "Exception in thread \"main\" java.lang.IllegalStateException: DATABASE_URL is not"
                    + " set")),
        Arguments.of(
            "python frames are dropped, the exception stays",
            List.of(
                "Traceback (most recent call last):",
                "  File \"/app/main.py\", line 3, in <module>",
                "    main()",
                "ValueError: bad port"),
            List.of("Traceback (most recent call last):", "main()", "ValueError: bad port")),
        Arguments.of("empty log", List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logs")
  void picks_error_lines_and_final_lines(String name, List<String> log, List<String> expected) {
    assertThat(ErrorLines.extract(log, 15)).containsExactlyElementsOf(expected);
  }

  @Test
  void caps_to_the_most_recent_lines_and_says_how_many_were_left_out() {
    // given 40 distinct error lines
    List<String> log =
        IntStream.range(0, 40)
            .mapToObj(i -> "ERROR failure kind " + (char) ('a' + i % 26) + (char) ('a' + i / 26))
            .toList();

    // when
    List<String> picked = ErrorLines.extract(log, 15);

    // then
    assertThat(picked).hasSize(15);
    assertThat(picked.getFirst()).isEqualTo("… 26 earlier error lines not shown");
    assertThat(picked.getLast()).isEqualTo(log.getLast());
  }

  @Test
  void long_lines_are_cut_and_control_characters_removed() {
    List<String> log = new ArrayList<>(List.of("ERROR " + "x".repeat(5000) + "\u0007\u001b[31m"));

    List<String> picked = ErrorLines.extract(log, 15);

    assertThat(picked)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).hasSizeLessThanOrEqualTo(Evidence.MAX_LINE).endsWith("…");
              assertThat(line.chars()).noneMatch(Character::isISOControl);
            });
  }

  @Test
  void null_log_gives_nothing() {
    assertThat(ErrorLines.extract(null, 15)).isEmpty();
  }
}
