package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With approvals.impersonate, the chart lets Lookout impersonate exactly the listed names. */
class ImpersonationRbacTest {
  static JsonNode impersonateRole(Chart.Rendered chart) {
    return chart.all("ClusterRole").stream()
        .filter(r -> r.at("/metadata/name").asText().endsWith("-impersonate"))
        .findFirst()
        .orElse(null);
  }

  @Test
  void nothing_may_be_impersonated_by_default() {
    assertThat(impersonateRole(Chart.defaults())).isNull();
    assertThat(impersonateRole(Chart.production())).isNull();
  }

  @Test
  void impersonate_is_granted_only_on_the_listed_users_and_groups() {
    Chart.Rendered chart =
        Chart.template(
            null,
            Map.of(
                "rbac.impersonate.users[0]", "alice@example.com",
                "rbac.impersonate.users[1]", "bob@example.com",
                "rbac.impersonate.groups[0]", "sre"));

    JsonNode role = impersonateRole(chart);
    assertThat(role).isNotNull();
    for (JsonNode rule : role.path("rules")) {
      assertThat(RbacScopeTest.strings(rule.path("verbs"))).containsExactly("impersonate");
      assertThat(RbacScopeTest.strings(rule.path("apiGroups"))).containsExactly("");
    }
    assertThat(role.path("rules"))
        .extracting(
            r -> RbacScopeTest.strings(r.path("resources")).get(0),
            r -> RbacScopeTest.strings(r.path("resourceNames")))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "users", List.of("alice@example.com", "bob@example.com")),
            org.assertj.core.groups.Tuple.tuple("groups", List.of("sre")));
    assertThat(chart.all("ClusterRoleBinding"))
        .anySatisfy(b -> assertThat(b.at("/roleRef/name").asText()).endsWith("-impersonate"));
  }

  @Test
  void a_wildcard_name_is_refused() {
    assertThatThrownBy(() -> Chart.template(null, Map.of("rbac.impersonate.users[0]", "*")))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }
}
