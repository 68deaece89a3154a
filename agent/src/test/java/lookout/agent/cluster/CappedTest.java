package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CappedTest {
  @Test
  void a_long_list_is_cut_with_a_hint_to_narrow_it() {
    List<String> lines = IntStream.range(0, 170).mapToObj(i -> "line " + i).toList();
    List<String> capped = Capped.lines(lines, 50, "namespace/name");
    assertThat(capped).hasSize(51).last().isEqualTo("… 120 more — narrow by namespace/name");
  }

  @Test
  void a_short_list_is_left_alone() {
    assertThat(Capped.lines(List.of("a", "b"), 50, "x")).containsExactly("a", "b");
  }

  @Test
  void control_characters_cannot_break_a_line() {
    assertThat(Capped.line("a\u001b[31mred\r\nb\tc")).isEqualTo("a [31mred  b c");
  }
}
