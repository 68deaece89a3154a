package lookout.agent.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lookout.approvals.KubeIdentity;
import lookout.approvals.Policy;
import lookout.approvals.PolicyLoader;
import lookout.approvals.ScaleWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Approved actions under the approver's own Kubernetes identity: a mock API server with a small
 * RBAC of its own (only alice may patch deployments) sees the impersonation headers the policy's
 * identities give, and its 403 leaves the deployment as it was.
 */
class ImpersonationTest {
  static final String POLICY =
      """
      rules:
        - name: everything
          namespaces: ["*"]
          requesters: ["*"]
          approvers: [slack:U01ALICE, slack:U02BOB]
      identities:
        slack:U01ALICE: alice@example.com
        slack:U02BOB: {user: bob@example.com, groups: [viewers, oncall]}
      """;

  /** The headers of one request, as the API server saw them. */
  record Seen(String method, String path, String user, List<String> groups) {}

  /** CRUD store behind an RBAC that lets only {@code patchers} patch. */
  static final class Rbac extends Dispatcher {
    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    final Set<String> patchers;
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    Rbac(Set<String> patchers) {
      this.patchers = patchers;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      String user = r.getHeader("Impersonate-User");
      List<String> groups = r.getHeaders().headers("Impersonate-Group");
      seen.add(new Seen(r.getMethod(), r.getPath(), user, groups == null ? List.of() : groups));
      if (r.getMethod().equals("PATCH") && user != null && !patchers.contains(user)) {
        String message =
            "deployments.apps \"checkout\" is forbidden: User \""
                + user
                + "\" cannot patch resource \"deployments\" in API group \"apps\" in the"
                + " namespace \"staging\"";
        return new MockResponse()
            .setResponseCode(403)
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                    + "\"status\":\"Failure\",\"message\":\""
                    + message.replace("\"", "\\\"")
                    + "\",\"reason\":\"Forbidden\",\"code\":403}");
      }
      return crud.dispatch(r);
    }
  }

  Rbac rbac;
  KubernetesMockServer server;
  KubernetesClient client;
  KubernetesActionExecutor executor;

  @BeforeEach
  void start() {
    rbac = new Rbac(Set.of("alice@example.com"));
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), rbac, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("http://127.0.0.1:" + server.getPort() + "/")
            .withRequestRetryBackoffLimit(0)
            .build();
    client = new KubernetesClientBuilder().withConfig(config).build();
    client
        .apps()
        .deployments()
        .inNamespace("staging")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("checkout")
                .withNamespace("staging")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .endSpec()
                .build())
        .create();
    rbac.seen.clear();
    Policy policy = PolicyLoader.parse(POLICY, "policy.yaml");
    executor =
        new KubernetesActionExecutor(
            Map.of("sandbox", client), Clock.systemUTC(), Optional.of(policy::identityOf));
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  private int replicas() {
    Deployment d = client.apps().deployments().inNamespace("staging").withName("checkout").get();
    return d.getSpec().getReplicas();
  }

  @Test
  void the_api_server_sees_the_approvers_identity_on_the_read_and_the_patch() {
    String result =
        executor.execute(
            new ScaleWorkload("sandbox", "staging", "Deployment", "checkout", 3), "slack:U01ALICE");

    assertThat(result).contains("scaled").endsWith("as alice@example.com");
    List<Seen> seen = List.copyOf(rbac.seen);
    assertThat(seen).extracting(Seen::method).contains("GET", "PATCH");
    assertThat(seen).allSatisfy(s -> assertThat(s.user()).isEqualTo("alice@example.com"));
    assertThat(replicas()).isEqualTo(3);
  }

  @Test
  void a_forbidden_patch_names_the_missing_permission_and_changes_nothing() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    new ScaleWorkload("sandbox", "staging", "Deployment", "checkout", 5),
                    "slack:U02BOB"))
        .hasMessageContaining("not allowed")
        .hasMessageContaining(
            "User \"bob@example.com\" cannot patch resource \"deployments\" in API group"
                + " \"apps\" in the namespace \"staging\"");

    Seen patch =
        rbac.seen.stream().filter(s -> s.method().equals("PATCH")).findFirst().orElseThrow();
    assertThat(patch.user()).isEqualTo("bob@example.com");
    assertThat(patch.groups()).containsExactlyInAnyOrder("viewers", "oncall");
    assertThat(replicas()).as("the deployment is unchanged").isEqualTo(2);
  }

  @Test
  void an_approver_without_an_identity_runs_nothing() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    new ScaleWorkload("sandbox", "staging", "Deployment", "checkout", 4),
                    "slack:U03CAROL"))
        .hasMessageContaining("slack:U03CAROL has no Kubernetes identity");

    assertThat(rbac.seen).isEmpty();
    assertThat(replicas()).isEqualTo(2);
  }

  @Test
  void without_impersonation_the_action_runs_as_lookout_itself() {
    new KubernetesActionExecutor(Map.of("sandbox", client))
        .execute(
            new ScaleWorkload("sandbox", "staging", "Deployment", "checkout", 3), "slack:U02BOB");

    assertThat(rbac.seen).allSatisfy(s -> assertThat(s.user()).isNull());
    assertThat(replicas()).isEqualTo(3);
  }

  @Test
  void the_policy_maps_chat_ids_to_kubernetes_users_and_groups() {
    Policy policy = PolicyLoader.parse(POLICY, "policy.yaml");

    assertThat(policy.identityOf("slack:U02BOB"))
        .contains(new KubeIdentity("bob@example.com", List.of("viewers", "oncall")));
    assertThatThrownBy(() -> PolicyLoader.parse("identities:\n  alice: [1]\n", "policy.yaml"))
        .hasMessageContaining("identities.alice")
        .hasMessageContaining("platform-qualified");
  }
}
