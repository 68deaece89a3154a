package lookout.bot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRouterTest {
  static final AlertRouter ROUTER =
      new AlertRouter(
          List.of(
              new AlertRouter.Rule(LabelMatcher.parseAll("severity=none"), List.of(), true, false),
              new AlertRouter.Rule(
                  LabelMatcher.parseAll("namespace=~prod-.*, severity=critical"),
                  List.of(
                      Destination.parse("slack:C0PROD"), Destination.parse("wecom:robot-oncall")),
                  false,
                  true),
              new AlertRouter.Rule(
                  LabelMatcher.parseAll("namespace=~prod-.*"),
                  List.of(Destination.parse("feishu:oc_prod")),
                  false,
                  false),
              new AlertRouter.Rule(
                  LabelMatcher.parseAll("team!=\"\""),
                  List.of(Destination.parse("slack:C0TEAMS")),
                  false,
                  false)),
          List.of(Destination.parse("console:#alerts")));

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "namespace=prod-eu,severity=critical | slack:C0PROD wecom:robot-oncall feishu:oc_prod",
        "namespace=prod-eu,severity=warning | feishu:oc_prod",
        "namespace=staging,team=shop | slack:C0TEAMS",
        "namespace=staging | console:alerts",
        "namespace=prod-eu,severity=none | dropped",
      })
  void routes_by_labels_in_rule_order(String labels, String expected) {
    Map<String, String> map = new java.util.HashMap<>();
    for (String pair : labels.split(",")) {
      String[] kv = pair.split("=");
      map.put(kv[0], kv[1]);
    }
    AlertRouter.Route route = ROUTER.route(map);
    String got =
        route.dropped()
            ? "dropped"
            : String.join(" ", route.destinations().stream().map(Destination::toString).toList());
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void regexes_are_anchored_like_alertmanagers() {
    var m = LabelMatcher.parseAll("namespace=~prod").get(0);
    assertThat(m.matches(Map.of("namespace", "prod"))).isTrue();
    assertThat(m.matches(Map.of("namespace", "prod-eu"))).isFalse();
  }

  @Test
  void bad_matchers_and_destinations_say_what_is_wrong() {
    assertThatThrownBy(() -> LabelMatcher.parseAll("namespace~prod"))
        .hasMessageContaining("\"namespace~prod\" is not a matcher");
    assertThatThrownBy(() -> LabelMatcher.parseAll("pod=~(oops"))
        .hasMessageContaining("is not a valid regex");
    assertThatThrownBy(() -> Destination.parse("C0123"))
        .hasMessageContaining("is not a destination like slack:C0123");
  }
}
