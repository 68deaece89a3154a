package lookout.bot.e2e;

import static lookout.bot.e2e.ConsoleClient.button;
import static lookout.bot.e2e.ConsoleClient.summary;
import static lookout.bot.e2e.ConsoleClient.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import lookout.bot.wiring.LookoutServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code approvals.impersonate: true}, a person the policy lets approve but the cluster's own
 * RBAC does not let patch presses Approve in the console: the card says which permission was
 * missing, the deployment keeps its replicas, and the API server saw the approver's identity on the
 * patch it refused. Another approver who may patch then scales it.
 */
class ImpersonatedApproveTest {
  static final String POLICY =
      """
      groups:
        sre: [console:bob, console:carol]
      rules:
        - namespaces: ["*"]
          approvers: ["group:sre"]
      identities:
        console:bob: {user: bob@example.com, groups: [viewers]}
        console:carol: carol@example.com
      """;

  /** The identity headers of one request, as the API server saw them. */
  record Seen(String method, String path, String user, List<String> groups) {}

  /**
   * An API server whose RBAC lets only carol patch: fabric8's CRUD store, plus what a real server
   * does that CRUD does not — {@code dryRun=All} writes change nothing, {@code /version} answers.
   */
  static final class Rbac extends Dispatcher {
    final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      String user = r.getHeader("Impersonate-User");
      List<String> groups = r.getHeaders().headers("Impersonate-Group");
      seen.add(new Seen(r.getMethod(), r.getPath(), user, groups == null ? List.of() : groups));
      if (r.getPath().equals("/version")) {
        return json(200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.4\"}");
      }
      boolean write = !r.getMethod().equals("GET");
      if (write && user != null && !user.equals("carol@example.com")) {
        return json(
            403,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"deployments.apps \\\"checkout\\\" is forbidden: User \\\""
                + user
                + "\\\" cannot patch resource \\\"deployments\\\" in API group \\\"apps\\\" in the"
                + " namespace \\\"staging\\\"\",\"reason\":\"Forbidden\",\"code\":403}");
      }
      if (write && r.getPath().contains("dryRun=All")) {
        // Validated, not stored: answer with the object as it is.
        String path = r.getPath().substring(0, r.getPath().indexOf('?'));
        return crud.dispatch(new GetOf(r, path));
      }
      return crud.dispatch(r);
    }

    private static MockResponse json(int code, String body) {
      return new MockResponse()
          .setResponseCode(code)
          .setHeader("Content-Type", "application/json")
          .setBody(body);
    }
  }

  /** A GET of {@code path} with the headers of {@code r}. */
  static final class GetOf extends RecordedRequest {
    GetOf(RecordedRequest r, String path) {
      super(
          "HTTP/1.1",
          io.fabric8.mockwebserver.dsl.HttpMethod.GET,
          path,
          r.getHeaders(),
          new io.fabric8.mockwebserver.http.Buffer());
    }
  }

  @TempDir Path dir;
  KubernetesMockServer server;
  Rbac rbac;
  KubernetesClient cluster;
  LookoutServer lookout;

  @BeforeEach
  void start() throws Exception {
    rbac = new Rbac();
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), rbac, false);
    server.start(InetAddress.getLoopbackAddress(), 0);
    String url = "http://127.0.0.1:" + server.getPort();
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url + "/")
            .withRequestRetryBackoffLimit(0)
            .build();
    cluster = new KubernetesClientBuilder().withConfig(config).build();
    cluster
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("staging").endMetadata().build())
        .create();
    cluster
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
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: kind
            cluster: {server: "%s"}
        users:
          - name: lookout
            user: {token: lookout-service-account-token}
        contexts:
          - name: kind
            context: {cluster: kind, user: lookout}
        current-context: kind
        """
            .formatted(url));
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, POLICY);
    lookout =
        TestLookout.start(
            dir.resolve("data"),
            """
            clusters:
              - name: kind
                kubeconfig: %s
            approvals:
              policyFile: %s
              impersonate: true
            """
                .formatted(kubeconfig, policy));
  }

  @AfterEach
  void stop() {
    if (lookout != null) {
      lookout.close();
    }
    cluster.close();
    server.destroy();
  }

  private static String fact(JsonNode message, String label) {
    for (JsonNode part : message.path("parts")) {
      for (JsonNode f : part.path("facts")) {
        if (f.path("label").asText().equals(label)) {
          return f.path("value").asText();
        }
      }
    }
    throw new AssertionError("no fact " + label + " in " + message);
  }

  private int replicas() {
    return cluster
        .apps()
        .deployments()
        .inNamespace("staging")
        .withName("checkout")
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void an_approver_the_cluster_forbids_sees_the_missing_permission_and_nothing_changes()
      throws Exception {
    ConsoleClient chat = new ConsoleClient(lookout.port());
    String thread = chat.say("alice", "scale checkout to 3 in staging");
    JsonNode card = chat.awaitBot(thread, m -> summary(m).startsWith("Approval needed"));
    String id = card.path("id").asText();
    assertThat(text(card)).contains("replicas 2 → 3");
    rbac.seen.clear();

    assertThat(chat.click("bob", id, button(card, "Approve")).status()).isEqualTo(200);
    JsonNode failed =
        chat.awaitBot(
            thread, m -> m.path("id").asText().equals(id) && summary(m).startsWith("Failed"));

    assertThat(summary(failed)).contains("approved by console:bob");
    assertThat(fact(failed, "Result"))
        .contains("not allowed")
        .contains("bob@example.com")
        .contains("cannot patch resource \"deployments\" in API group \"apps\"")
        .contains("staging");
    assertThat(replicas()).isEqualTo(2);
    List<Seen> patches = rbac.seen.stream().filter(s -> s.method().equals("PATCH")).toList();
    assertThat(patches)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.user()).isEqualTo("bob@example.com");
              assertThat(p.groups()).containsExactly("viewers");
              assertThat(p.path()).doesNotContain("dryRun");
            });
  }
}
