package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClusterReaderTest {
  static SandboxCluster sandbox;
  static ClusterReader reader;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    reader = new ClusterReader(sandbox.client());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void name_in_one_namespace_is_found_without_a_namespace() {
    WorkloadLookup lookup = reader.find(null, "search");
    assertThat(lookup)
        .isInstanceOfSatisfying(
            WorkloadLookup.Found.class,
            f -> assertThat(f.workload().ref()).isEqualTo("deployment staging/search"));
  }

  @Test
  void name_in_two_namespaces_is_ambiguous() {
    WorkloadLookup lookup = reader.find(null, "checkout");
    assertThat(lookup)
        .isInstanceOfSatisfying(
            WorkloadLookup.Ambiguous.class,
            a ->
                assertThat(a.candidates())
                    .extracting(Workload::namespace)
                    .containsExactly("prod", "staging"));
  }

  @Test
  void statefulsets_are_found_too() {
    assertThat(reader.find("staging", "ledger-db"))
        .isInstanceOfSatisfying(
            WorkloadLookup.Found.class,
            f -> assertThat(f.workload().kind()).isEqualTo("StatefulSet"));
  }

  @Test
  void unknown_name_suggests_similar_ones() {
    WorkloadLookup lookup = reader.find(null, "chekout");
    assertThat(lookup)
        .isInstanceOfSatisfying(
            WorkloadLookup.NotFound.class,
            n -> {
              assertThat(n.namespaceExists()).isTrue();
              assertThat(n.similar()).contains("staging/checkout", "prod/checkout");
            });
  }

  @Test
  void name_missing_from_the_named_namespace_points_to_where_it_is() {
    WorkloadLookup lookup = reader.find("prod", "search");
    assertThat(lookup)
        .isInstanceOfSatisfying(
            WorkloadLookup.NotFound.class,
            n -> assertThat(n.similar()).containsExactly("staging/search"));
  }

  @Test
  void unknown_namespace_is_reported() {
    assertThat(reader.find("qa", "checkout"))
        .isInstanceOfSatisfying(
            WorkloadLookup.NotFound.class, n -> assertThat(n.namespaceExists()).isFalse());
  }

  @Test
  void pod_lines_are_compact_and_say_why_a_pod_is_broken() {
    Workload checkout = found("staging", "checkout");
    List<String> lines = reader.podLines(reader.pods(checkout));
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("checkout-7d9f8c6b5d-x2k4p CrashLoopBackOff ready=0/1 restarts=7 last=Error(1)")
        .contains("age=2h", "node=node-1")
        .doesNotContain("{");
  }

  @Test
  void unschedulable_pod_says_so() {
    List<String> lines = reader.podLines(reader.pods(found("staging", "ledger-db")));
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("ledger-db-0 Pending(Unschedulable)")
        .contains("node=<none>");
  }

  @Test
  void workload_lines_put_problems_first() {
    List<String> lines = reader.workloadLines("staging");
    assertThat(lines.get(0)).doesNotContain("frontend");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "deployment staging/checkout ready=0/1 up-to-date=1 available=0 age=12d"));
    assertThat(
            lines.indexOf(
                lines.stream()
                    .filter(l -> l.contains("staging/frontend"))
                    .findFirst()
                    .orElseThrow()))
        .isGreaterThan(2);
  }

  @Test
  void events_of_an_object_are_selected_merged_and_newest_first() {
    List<Event> events = reader.events("staging", "Pod", "checkout-7d9f8c6b5d-x2k4p");
    List<String> lines = reader.eventLines(events, 10);
    assertThat(lines.get(0))
        .matches("\\d+[sm] ago Warning BackOff pod/checkout-7d9f8c6b5d-x2k4p: .*")
        .endsWith("(x41)");
    assertThat(lines).noneMatch(l -> l.contains("deployment/"));
  }

  @Test
  void node_lines_show_pressure_first() {
    List<String> lines = reader.nodeLines(reader.nodes());
    assertThat(lines.get(0))
        .startsWith("node-3 Ready,MemoryPressure cpu=4 memory=15.5Gi pods=58")
        .contains("taints=node.kubernetes.io/memory-pressure:NoSchedule");
  }

  @Test
  void log_tail_is_bounded_and_reads_the_crashed_instance() {
    LogTail tail = reader.logs().read("staging", "checkout-7d9f8c6b5d-x2k4p", null, true, 3);
    assertThat(tail.container()).isEqualTo("checkout");
    assertThat(tail.unavailable()).isNull();
    assertThat(tail.lines())
        .hasSize(3)
        .last()
        .asString()
        .contains("CheckoutApplication.main(CheckoutApplication.java:19)");
  }

  @Test
  void missing_log_says_why() {
    LogTail tail = reader.logs().read("staging", "search-6c8f9d7b4-q7wzn", "search", false, 10);
    assertThat(tail.lines()).isEmpty();
    assertThat(tail.unavailable()).contains("trying and failing to pull image");
  }

  private static Workload found(String ns, String name) {
    return ((WorkloadLookup.Found) reader.find(ns, name)).workload();
  }
}
