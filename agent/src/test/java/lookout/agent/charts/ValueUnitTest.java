package lookout.agent.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueUnitTest {
  static final double GI = 1024.0 * 1024 * 1024;

  @Test
  void values_read_the_way_kubectl_writes_them() {
    assertThat(ValueUnit.BYTES.format(0.5 * GI)).isEqualTo("512Mi");
    assertThat(ValueUnit.BYTES.format(2 * GI)).isEqualTo("2Gi");
    assertThat(ValueUnit.CORES.format(0.25)).isEqualTo("250m");
    assertThat(ValueUnit.CORES.format(3)).isEqualTo("3");
    assertThat(ValueUnit.PERCENT.format(87.5)).isEqualTo("87.5%");
  }
}
