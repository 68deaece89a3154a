package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The messages kubelet, runtimes, registries and controllers write, each read into its cause: one
 * row per wording seen in real clusters (containerd, CRI-O, Docker, older kubelets).
 */
class CauseMessagesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          configmap "catalog-config" not found                                     | ConfigMap | catalog-config | -
          Error: secret "db-creds" not found                                       | Secret    | db-creds       | -
          couldn't find key password in Secret billing/billing-db                  | Secret    | billing-db     | password
          Couldn't find key LOG_LEVEL in ConfigMap shop/settings                   | ConfigMap | settings       | LOG_LEVEL
          MountVolume.SetUp failed for volume "tls" : secret "api-tls" not found   | Secret    | api-tls        | -
          error looking up service account team-a/deployer: serviceaccount "deployer" not found | ServiceAccount | deployer | -
          persistentvolumeclaim "data-web-0" not found                             | PersistentVolumeClaim | data-web-0 | -
          """)
  void missing_objects_are_named_with_their_kind_and_key(
      String message, String kind, String name, String key) {
    Missing m = Missing.in(message).orElseThrow();
    assertThat(m.kind()).isEqualTo(kind);
    assertThat(m.name()).isEqualTo(name);
    assertThat(m.key()).isEqualTo(key.equals("-") ? null : key);
  }

  @Test
  void a_message_naming_nothing_missing_is_not_read_as_one() {
    assertThat(Missing.in("Back-off restarting failed container")).isEmpty();
    assertThat(Missing.in((String) null)).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "run-worker": executable file not found in $PATH: unknown | command run-worker is not in the image
          container create failed: executable file not found in $PATH: exec: "/app/start": not found | is not in the image
          exec /usr/local/bin/docker-entrypoint.sh: exec format error | built for another CPU architecture than node worker-1 (arm64)
          standard_init_linux.go:228: exec user process caused: exec format error | built for another CPU architecture
          OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown | /app/server does not exist in the image
          OCI runtime create failed: runc create failed: unable to start container process: exec: "/entrypoint.sh": permission denied: unknown | /entrypoint.sh is not executable
          container has runAsNonRoot and image will run as root (pod: "web-1_shop(1f)", container: web) | runAsNonRoot is set but the image runs as root
          """)
  void start_failures_say_what_is_wrong_with_the_image_or_spec(String message, String expected) {
    StartFailure f =
        StartFailure.classify(message, "shop", "deployment shop/web", "worker-1", "arm64")
            .orElseThrow();
    assertThat(f.text()).contains(expected);
    assertThat(f.fix()).isNotBlank();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/shop/web:1.2": failed to resolve reference "docker.io/shop/web:1.2": docker.io/shop/web:1.2: not found | does not exist in registry.example.com (tag 1.2 not found)
          rpc error: code = Unknown desc = reading manifest 1.2 in quay.io/shop/web: manifest unknown: manifest unknown | does not exist
          rpc error: code = Unknown desc = failed to pull and unpack image: failed to resolve reference: pulling from host registry.example.com failed with status code [manifests 1.2]: 401 Unauthorized | refused the credentials (unauthorized); the pod has no imagePullSecrets
          Error response from daemon: pull access denied for web, repository does not exist or may require 'docker login': denied: requested access to the resource is denied | does not exist in registry.example.com or needs credentials
          429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. | rate-limits pulls
          dial tcp: lookup registry.example.com on 10.96.0.10:53: no such host | is unreachable — the node cannot reach it
          Get "https://registry.example.com/v2/": x509: certificate signed by unknown authority | its TLS certificate is not trusted by the node
          Get "https://registry.example.com/v2/": http: server gave HTTP response to HTTPS client | speaks plain HTTP
          failed to pull and unpack image "registry.example.com/shop/web:1.2": no match for platform in manifest: not found | has no build for the node's platform (linux/arm64)
          """)
  void pull_failures_tell_not_found_from_credentials_from_limits_from_network(
      String message, String expected) {
    PullFailure f =
        PullFailure.classify(
            "ErrImagePull",
            List.of(message),
            "registry.example.com/shop/web:1.2",
            List.of(),
            "deployment shop/web",
            "arm64");
    assertThat(f.cause()).contains(expected);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Error creating: pods "api-7d9f-" is forbidden: exceeded quota: team-a-quota, requested: limits.memory=1Gi, used: limits.memory=7680Mi, limited: limits.memory=8Gi | ResourceQuota team-a-quota is exhausted: limits.memory: requested 1Gi, used 7680Mi of 8Gi
          Error creating: pods "api-7d9f-" is forbidden: failed quota: compute: must specify limits.cpu for: app; limits.memory for: app | requires every container to set limits.cpu
          Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: policy Deployment/shop/api for resource violation: require-labels | admission webhook validate.kyverno.svc-fail denied them
          Error creating: Internal error occurred: failed calling webhook "vpod.kb.io": failed to call webhook: Post "https://webhook.system.svc:443/validate": dial tcp 10.96.4.2:443: connect: connection refused | admission webhook vpod.kb.io cannot be called
          Error creating: pods "api-7d9f-x" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true) | enforces PodSecurity restricted:latest and the pods violate it: allowPrivilegeEscalation != false
          Error creating: pods "api-7d9f-" is forbidden: error looking up service account team-a/deployer: serviceaccount "deployer" not found | ServiceAccount deployer does not exist
          Error creating: pods "api-7d9f-x" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi | a LimitRange in team-a rejects their resources
          """)
  void refused_creates_name_the_quota_webhook_or_policy(String message, String expected) {
    CreateRefusal r =
        CreateRefusal.classify(message, new ObjectRef("ReplicaSet", "team-a", "api-7d9f"));
    assertThat(r.text()).contains(expected);
  }

  @Test
  void a_jvm_heap_at_the_limit_is_found_in_the_env_the_jvm_reads() {
    var c =
        new io.fabric8.kubernetes.api.model.ContainerBuilder()
            .withName("app")
            .addNewEnv()
            .withName("JAVA_TOOL_OPTIONS")
            .withValue("-XX:+UseG1GC -Xmx900m -Xms900m")
            .endEnv()
            .build();
    RuntimeHeap heap = RuntimeHeap.of(c).orElseThrow();
    var limit = java.math.BigDecimal.valueOf(1024L * 1024 * 1024);

    assertThat(heap.problem(limit, "1Gi"))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .contains("-Xmx900m", "env JAVA_TOOL_OPTIONS", "leaves only 124Mi of the 1Gi"));
    assertThat(heap.fix(limit, "app")).startsWith("set -Xmx768m (75% of the limit)");
  }

  @Test
  void node_and_go_heap_ceilings_are_compared_with_the_limit_like_the_jvm_heap() {
    var limit = java.math.BigDecimal.valueOf(1024L * 1024 * 1024);
    var node =
        new io.fabric8.kubernetes.api.model.ContainerBuilder()
            .withName("ssr")
            .addNewEnv()
            .withName("NODE_OPTIONS")
            .withValue("--enable-source-maps --max-old-space-size=4096")
            .endEnv()
            .build();
    RuntimeHeap nodeHeap = RuntimeHeap.of(node).orElseThrow();
    assertThat(nodeHeap.problem(limit, "1Gi"))
        .hasValue(
            "Node.js heap --max-old-space-size=4096 (env NODE_OPTIONS) is at or above the memory"
                + " limit 1Gi");
    assertThat(nodeHeap.fix(limit, "ssr"))
        .startsWith("set --max-old-space-size=768 (75% of the limit)");

    var go =
        new io.fabric8.kubernetes.api.model.ContainerBuilder()
            .withName("tiles")
            .addNewEnv()
            .withName("GOMEMLIMIT")
            .withValue("950MiB")
            .endEnv()
            .build();
    assertThat(RuntimeHeap.of(go).orElseThrow().problem(limit, "1Gi"))
        .hasValueSatisfying(
            p ->
                assertThat(p)
                    .startsWith(
                        "Go memory limit GOMEMLIMIT=950MiB (env GOMEMLIMIT) leaves only 74Mi"));
  }
}
