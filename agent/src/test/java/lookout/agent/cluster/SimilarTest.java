package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarTest {
  static final List<String> NAMES =
      List.of("checkout", "cart", "payment-api", "order-service", "inventory");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          chekout   | checkout
          chekcout  | checkout
          payment   | payment-api
          order     | order-service
          zzz       |
          """)
  void close_names_are_suggested(String wanted, String expected) {
    List<String> similar = Similar.to(wanted, NAMES, 3);
    if (expected == null) {
      assertThat(similar).isEmpty();
    } else {
      assertThat(similar).first().isEqualTo(expected);
    }
  }
}
