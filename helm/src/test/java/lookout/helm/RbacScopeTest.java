package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import lookout.agent.cluster.ApiResource;
import lookout.agent.cluster.ReadScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ServiceAccount reads cluster-wide and writes only what the actions need, where named. */
class RbacScopeTest {
  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");

  static Chart.Rendered render(String which) {
    return which.equals("production") ? Chart.production() : Chart.defaults();
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void cluster_roles_only_read(String which) {
    Chart.Rendered chart = render(which);

    List<JsonNode> clusterRoles = chart.all("ClusterRole");
    assertThat(clusterRoles).hasSize(1);
    for (JsonNode rule : clusterRoles.get(0).path("rules")) {
      assertThat(strings(rule.path("verbs"))).as("verbs of %s", rule).isSubsetOf(READ_VERBS);
      assertThat(strings(rule.path("resources"))).doesNotContain("*", "secrets", "configmaps");
      assertThat(strings(rule.path("apiGroups"))).doesNotContain("*");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void the_cluster_role_covers_what_the_bot_reads(String which) {
    JsonNode role = render(which).one("ClusterRole");

    assertThat(readable(role, ""))
        .contains("pods", "pods/log", "events", "nodes", "namespaces", "persistentvolumeclaims");
    assertThat(readable(role, "apps"))
        .contains("deployments", "statefulsets", "daemonsets", "replicasets");
    assertThat(readable(role, "metrics.k8s.io")).contains("pods", "nodes");
  }

  /**
   * Every kind the agent reads (its published {@link ReadScope}) is readable: an analyzer that
   * starts reading a new kind fails here until the chart grants it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void the_cluster_role_grants_every_kind_the_agent_reads(String which) {
    JsonNode role = render(which).one("ClusterRole");

    for (ApiResource r : ReadScope.all()) {
      List<String> verbs =
          r.resource().contains("/") ? List.of("get") : List.of("get", "list", "watch");
      assertThat(grants(role, r.group(), r.resource()))
          .as("verbs on %s in API group \"%s\"", r.resource(), r.group())
          .containsAll(verbs);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"defaults", "production"})
  void cluster_role_bindings_grant_only_the_read_role(String which) {
    Chart.Rendered chart = render(which);
    String readRole = chart.one("ClusterRole").at("/metadata/name").asText();

    for (JsonNode binding : chart.all("ClusterRoleBinding")) {
      assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("ClusterRole");
      assertThat(binding.at("/roleRef/name").asText()).isEqualTo(readRole);
    }
    assertThat(chart.all("RoleBinding"))
        .allSatisfy(b -> assertThat(b.at("/roleRef/kind").asText()).isEqualTo("Role"));
  }

  @org.junit.jupiter.api.Test
  void by_default_nothing_is_writable_anywhere() {
    assertThat(Chart.defaults().all("Role")).isEmpty();
    assertThat(Chart.defaults().all("RoleBinding")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void actions_write_only_in_the_named_namespaces_and_only_what_they_need() {
    Chart.Rendered chart = Chart.production();

    List<JsonNode> roles = chart.all("Role");
    assertThat(roles)
        .extracting(r -> r.at("/metadata/namespace").asText())
        .containsExactlyInAnyOrder("staging", "prod");
    for (JsonNode role : roles) {
      List<String> grants = new ArrayList<>();
      for (JsonNode rule : role.path("rules")) {
        assertThat(strings(rule.path("apiGroups"))).containsExactly("apps");
        for (String resource : strings(rule.path("resources"))) {
          for (String verb : strings(rule.path("verbs"))) {
            grants.add(verb + " " + resource);
          }
        }
      }
      assertThat(grants)
          .containsExactlyInAnyOrder(
              "get deployments",
              "patch deployments",
              "get statefulsets",
              "patch statefulsets",
              "get deployments/scale",
              "update deployments/scale",
              "patch deployments/scale",
              "get statefulsets/scale",
              "update statefulsets/scale",
              "patch statefulsets/scale");
    }
    assertThat(chart.all("RoleBinding"))
        .allSatisfy(
            b -> {
              assertThat(b.at("/subjects/0/name").asText()).isEqualTo("lookout");
              assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(Chart.NAMESPACE);
            });
  }

  /** Every repair the policy can name, in staging and prod, and the node actions. */
  static final java.nio.file.Path REPAIRS = Chart.DIR.resolve("ci/repairs-values.yaml");

  @org.junit.jupiter.api.Test
  void the_repairs_write_in_the_named_namespaces_only_what_each_needs() {
    Chart.Rendered chart = Chart.template(REPAIRS, Map.of("rbac.nodeActions", false));

    for (JsonNode role : chart.all("Role")) {
      Set<String> grants = new java.util.TreeSet<>();
      for (JsonNode rule : role.path("rules")) {
        for (String group : strings(rule.path("apiGroups"))) {
          for (String resource : strings(rule.path("resources"))) {
            for (String verb : strings(rule.path("verbs"))) {
              grants.add(verb + " " + (group.isEmpty() ? "" : group + "/") + resource);
            }
          }
        }
      }
      assertThat(grants)
          .containsExactlyInAnyOrder(
              "get apps/deployments",
              "patch apps/deployments",
              "get apps/statefulsets",
              "patch apps/statefulsets",
              "get apps/daemonsets",
              "patch apps/daemonsets",
              "get apps/deployments/scale",
              "update apps/deployments/scale",
              "patch apps/deployments/scale",
              "get apps/statefulsets/scale",
              "update apps/statefulsets/scale",
              "patch apps/statefulsets/scale",
              "get apps/replicasets",
              "list apps/replicasets",
              "get apps/controllerrevisions",
              "list apps/controllerrevisions",
              "get pods",
              "list pods",
              "delete pods",
              "get batch/cronjobs",
              "patch batch/cronjobs",
              "get batch/jobs",
              "create batch/jobs");
    }
    assertThat(chart.all("ClusterRole")).as("no node actions unless asked").hasSize(1);
  }

  @org.junit.jupiter.api.Test
  void node_actions_get_one_narrow_cluster_role_only_when_enabled() {
    Chart.Rendered chart = Chart.template(REPAIRS, Map.of());

    JsonNode nodes =
        chart.all("ClusterRole").stream()
            .filter(r -> r.at("/metadata/name").asText().endsWith("-node-actions"))
            .findFirst()
            .orElseThrow();
    List<String> grants = new ArrayList<>();
    for (JsonNode rule : nodes.path("rules")) {
      for (String resource : strings(rule.path("resources"))) {
        for (String verb : strings(rule.path("verbs"))) {
          grants.add(verb + " " + resource);
        }
      }
    }
    assertThat(grants)
        .containsExactlyInAnyOrder(
            "get nodes",
            "patch nodes",
            "create pods/eviction",
            "get poddisruptionbudgets",
            "list poddisruptionbudgets");
    assertThat(chart.all("ClusterRoleBinding"))
        .extracting(b -> b.at("/roleRef/name").asText())
        .containsExactlyInAnyOrder("lookout-read", "lookout-node-actions");
    assertThat(Chart.production().all("ClusterRole")).hasSize(1);
  }

  @org.junit.jupiter.api.Test
  void rbac_can_be_left_to_the_platform_team() {
    Chart.Rendered chart = Chart.template(Chart.PRODUCTION, Map.of("rbac.create", false));

    assertThat(chart.all("ClusterRole")).isEmpty();
    assertThat(chart.all("Role")).isEmpty();
  }

  private static Set<String> grants(JsonNode clusterRole, String group, String resource) {
    Set<String> verbs = new java.util.TreeSet<>();
    for (JsonNode rule : clusterRole.path("rules")) {
      if (strings(rule.path("apiGroups")).contains(group)
          && strings(rule.path("resources")).contains(resource)) {
        verbs.addAll(strings(rule.path("verbs")));
      }
    }
    return verbs;
  }

  private static Set<String> readable(JsonNode clusterRole, String group) {
    Set<String> resources = new java.util.TreeSet<>();
    for (JsonNode rule : clusterRole.path("rules")) {
      if (strings(rule.path("apiGroups")).contains(group)
          && strings(rule.path("verbs")).containsAll(List.of("get"))) {
        resources.addAll(strings(rule.path("resources")));
      }
    }
    return resources;
  }

  static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
