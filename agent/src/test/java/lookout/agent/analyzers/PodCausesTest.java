package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pod analyzers over facts as the API server returns them (times relative to 2026-01-01 12:00). */
class PodCausesTest {
  static final ObjectRef WEB = new ObjectRef("Deployment", "shop", "web");

  static String pod(String name, String spec, String status) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
          namespace: shop
          labels: {app: web, pod-template-hash: 6c9d}
          ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-6c9d, controller: true, uid: r1}]
        spec:
          nodeName: worker-1
          %s
        status:
          %s
        ---
        """
        .formatted(name, spec, status);
  }

  static final String NODE_ARM =
      """
      apiVersion: v1
      kind: Node
      metadata: {name: worker-1, labels: {kubernetes.io/arch: arm64}}
      status:
        nodeInfo: {architecture: arm64}
        conditions: [{type: Ready, status: "True"}]
      ---
      """;

  @Test
  void exec_format_error_in_the_previous_log_names_the_nodes_architecture() {
    String yaml =
        pod(
                "web-6c9d-a1",
                "containers: [{name: web, image: registry.example.com/shop/web:2.0}]",
                """
                phase: Running
                  containerStatuses:
                  - name: web
                    ready: false
                    restartCount: 5
                    state: {waiting: {reason: CrashLoopBackOff}}
                    lastState: {terminated: {reason: Error, exitCode: 255, finishedAt: "2026-01-01T11:58:00Z"}}
                """)
            + NODE_ARM;
    LogSource logs =
        (ns, pod, c, previous, lines) ->
            previous ? List.of("exec /app/web: exec format error") : List.of();

    var findings =
        new CrashLoopBackOffAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml, List.of(), logs));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .startsWith(
                      "keeps crashing: its binary /app/web is built for another CPU architecture"
                          + " than node worker-1 (arm64) — exec format error");
              assertThat(f.fixes().getFirst()).contains("linux/arm64");
              assertThat(f.suggestions()).isEmpty();
            });
  }

  @Test
  void multi_attach_during_a_rolling_update_suggests_the_recreate_strategy() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 1
          strategy: {type: RollingUpdate}
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web:2}]}}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: shop}
        spec: {accessModes: [ReadWriteOnce], volumeName: pvc-0a1b2c}
        status: {phase: Bound}
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web-6c9d-b2.1, namespace: shop}
        involvedObject: {kind: Pod, namespace: shop, name: web-6c9d-b2}
        reason: FailedAttachVolume
        type: Warning
        count: 7
        lastTimestamp: "2026-01-01T11:59:00Z"
        message: 'Multi-Attach error for volume "pvc-0a1b2c" Volume is already used by pod(s) web-5b8c-a1'
        ---
        """
            + pod(
                "web-6c9d-b2",
                """
                containers: [{name: web, image: web:2}]
                  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
                """,
                """
                phase: Pending
                  containerStatuses:
                  - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: ContainerCreating}}}
                """);

    var findings = new FailedMountAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.reason()).isEqualTo("Multi-Attach");
              assertThat(f.summary())
                  .contains("claim data (volume pvc-0a1b2c) is ReadWriteOnce", "web-5b8c-a1");
              assertThat(f.blames())
                  .containsExactly(new ObjectRef("PersistentVolumeClaim", "shop", "data"));
              assertThat(f.fixes().getFirst()).contains("strategy type Recreate");
            });
  }

  @Test
  void an_eviction_for_memory_says_how_much_the_container_used_against_its_request() {
    String yaml =
        pod(
            "web-6c9d-c3",
            "containers: [{name: web, image: web:2}]",
            """
            phase: Failed
              reason: Evicted
              message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 85432Ki. Container web was using 2918400Ki, request is 64Mi, has larger consumption of memory. '
              conditions:
              - {type: DisruptionTarget, status: "True", reason: TerminationByKubelet, lastTransitionTime: "2026-01-01T11:30:00Z"}
            """);

    var findings = new EvictionAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.role()).isEqualTo(Finding.Role.CAUSE);
              assertThat(f.summary())
                  .isEqualTo(
                      "had 1 pod evicted, last 30m ago: node worker-1 ran low on memory (eviction"
                          + " threshold 100Mi, 84Mi left); container web used 2850Mi against a"
                          + " request of 64Mi");
              assertThat(f.fixes().getFirst()).contains("memory request of web", "2850Mi");
            });
  }

  @Test
  void an_eviction_from_yesterday_morning_is_a_note_not_a_cause() {
    String yaml =
        pod(
            "web-6c9d-c3",
            "containers: [{name: web, image: web:2}]",
            """
            phase: Failed
              reason: Evicted
              message: 'The node was low on resource: ephemeral-storage. Threshold quantity: 2Gi, available: 1Gi. '
              conditions:
              - {type: DisruptionTarget, status: "True", reason: TerminationByKubelet, lastTransitionTime: "2026-01-01T03:00:00Z"}
            """);

    var findings = new EvictionAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.role()).isEqualTo(Finding.Role.NOTE);
              assertThat(f.summary()).contains("9h ago", "ran low on ephemeral-storage");
            });
  }

  @Test
  void an_init_container_waiting_for_a_name_that_does_not_resolve_blames_that_service() {
    String yaml =
        pod(
            "web-6c9d-d4",
            """
            initContainers: [{name: wait-for-db, image: busybox, command: [sh, -c, 'until nslookup pg.shop.svc.cluster.local; do sleep 2; done']}]
              containers: [{name: web, image: web:2}]
            """,
            """
            phase: Pending
              initContainerStatuses:
              - {name: wait-for-db, ready: false, restartCount: 0, state: {running: {startedAt: "2026-01-01T11:20:00Z"}}}
              containerStatuses:
              - {name: web, ready: false, restartCount: 0, state: {waiting: {reason: PodInitializing}}}
            """);
    LogSource logs =
        (ns, pod, c, previous, lines) ->
            List.of(
                "Server:    10.96.0.10",
                "** server can't find pg.shop.svc.cluster.local: NXDOMAIN",
                "waiting for database");

    var findings =
        new InitContainerAnalyzer(CLOCK).analyze(YamlFacts.facts(WEB, yaml, List.of(), logs));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary())
                  .isEqualTo(
                      "cannot start: init container wait-for-db has been running for 40m and never"
                          + " finishes: name pg.shop.svc.cluster.local does not resolve (NXDOMAIN)");
              assertThat(f.blames()).containsExactly(new ObjectRef("Service", "shop", "pg"));
            });
  }
}
