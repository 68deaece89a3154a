package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest
  @CsvSource({
    "*, anything, true",
    "*, '', true",
    "prod, prod, true",
    "prod, prod-eu, false",
    "prod-*, prod-eu, true",
    "prod-*, prod, false",
    "prod-*, preprod-eu, false",
    "*-prod, eu-prod, true",
    "a*b*c, axxbyyc, true",
    "a*b*c, axxbyy, false",
    "te?t, test, true",
    "te?t, tet, false",
  })
  void wildcard_matching(String pattern, String value, boolean expected) {
    assertThat(Glob.matches(pattern, value)).isEqualTo(expected);
  }
}
