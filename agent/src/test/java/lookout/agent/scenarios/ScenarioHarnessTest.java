package lookout.agent.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lookout.agent.sandbox.ScenarioApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own rules: scoring, loading, and catching writes. */
class ScenarioHarnessTest {
  @TempDir Path root;

  @Test
  void an_entry_with_alternatives_is_met_by_any_of_them_case_and_spacing_ignored() {
    Expectation expect =
        new Expectation(
            List.of(List.of("payment-api"), List.of("OOMKilled", "内存不足")), List.of("node-7"));
    assertThat(expect.problems("Pod payment-api was oomkilled\n  (limit 512Mi)")).isEmpty();
    assertThat(expect.problems("payment-api 因内存不足被杀")).isEmpty();
    assertThat(expect.problems("payment-api restarted; node-7 is NotReady"))
        .containsExactly("missing any of [OOMKilled, 内存不足]", "contains node-7");
  }

  @Test
  void a_scenario_file_becomes_objects_logs_and_questions_with_times_resolved() throws IOException {
    write("defaults.yaml", "mustNotContain: [did not understand]\n");
    write(
        "main/pod/one.yaml",
        """
        class: pod/config
        questions:
          - why is web down
          - ask: web 怎么了
            expect: {mustContain: [[web, 网页]]}
        expect:
          mustContain: [web-config]
        objects:
          - {apiVersion: v1, kind: ConfigMap, metadata: {name: other, namespace: shop, creationTimestamp: "${ago:2h}"}}
        logs:
          - {namespace: shop, pod: web-1, container: web, previous: "boom\\n"}
        """);
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    Scenario s = new ScenarioLoader(root, now).part("main").get(0);
    assertThat(s.id()).isEqualTo("one");
    assertThat(s.objects().get(0).getMetadata().getCreationTimestamp())
        .isEqualTo("2026-03-01T10:00:00Z");
    assertThat(s.logs()).containsEntry("shop/web-1/web#previous", "boom\n");
    assertThat(s.probes().get(0).expect().mustNotContain()).contains("did not understand");
    assertThat(s.probes().get(1).chinese()).isTrue();
    assertThat(s.probes().get(1).expect().mustContain()).containsExactly(List.of("web", "网页"));
  }

  @Test
  void a_misspelt_field_is_named_with_its_file() throws IOException {
    write("main/bad.yaml", "class: x\nquestions: [a]\nexpect: {mustcontain: [a]}\n");
    assertThatThrownBy(() -> new ScenarioLoader(root, Instant.now()).part("main"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("main/bad.yaml expect: unknown field 'mustcontain'");
  }

  @Test
  void writes_and_dry_runs_are_recorded_reads_are_not() {
    try (ScenarioApiServer server = ScenarioApiServer.start(List.of(), Map.of())) {
      var client = server.client();
      client.pods().inNamespace("shop").list();
      client
          .configMaps()
          .inNamespace("shop")
          .resource(new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build())
          .dryRun()
          .create();
      var requests = server.takeRequests();
      assertThat(requests.stream().filter(ScenarioApiServer.Request::writes))
          .singleElement()
          .satisfies(r -> assertThat(r.toString()).startsWith("POST").contains("dryRun=All"));
      assertThat(requests).hasSize(2);
    }
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
