package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void keeps_the_newest_lines() {
    LogTail tail = LogText.tail("app", "a\nb\nc\nd\n".getBytes(StandardCharsets.UTF_8), false, 2);
    assertThat(tail.lines()).containsExactly("c", "d");
    assertThat(tail.cut()).isFalse();
  }

  @Test
  void oversized_output_keeps_the_newest_bytes_and_drops_the_partial_line() {
    String line = "x".repeat(99) + "\n";
    byte[] big = (line.repeat(2000) + "the crash\n").getBytes(StandardCharsets.UTF_8);
    LogTail tail = LogText.tail("app", big, false, 200);
    assertThat(tail.cut()).isTrue();
    assertThat(tail.lines()).last().isEqualTo("the crash");
    assertThat(tail.lines()).allMatch(l -> l.length() == 99 || l.equals("the crash"));
  }

  @Test
  void long_lines_are_capped() {
    byte[] one = ("y".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(LogText.tail("app", one, false, 10).lines().get(0))
        .hasSize(Capped.MAX_LINE_CHARS)
        .endsWith("…");
  }

  @Test
  void empty_log_has_no_lines() {
    assertThat(LogText.tail("app", new byte[0], false, 10).lines()).isEmpty();
  }
}
