package lookout.agent.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library itself, without an agent: big enough, Chinese enough, and internally consistent the
 * way a real API server's state is.
 */
class ScenarioLibraryShapeTest {
  private static List<Scenario> main;
  // both parts: a frozen batch is checked for format here without running the agent on it
  private static List<Scenario> library;

  @BeforeAll
  static void load() {
    ScenarioLoader loader = new ScenarioLoader(ScenarioLoader.classpathRoot(), Instant.now());
    main = loader.part("main");
    library =
        java.util.stream.Stream.concat(main.stream(), loader.part("frozen").stream()).toList();
  }

  @Test
  void the_main_library_has_at_least_60_scenarios_over_many_failure_classes() {
    assertThat(main).hasSizeGreaterThanOrEqualTo(60);
    assertThat(main.stream().map(Scenario::failureClass).distinct())
        .hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void at_least_40_percent_of_questions_are_chinese_or_mixed() {
    List<Probe> probes = main.stream().flatMap(s -> s.probes().stream()).toList();
    long chinese = probes.stream().filter(Probe::chinese).count();
    assertThat((double) chinese / probes.size()).isGreaterThanOrEqualTo(0.40);
  }

  @Test
  void scenario_ids_are_unique() {
    assertThat(library.stream().map(Scenario::id)).doesNotHaveDuplicates();
  }

  @Test
  void every_question_expects_something_and_every_pod_runs_on_a_node_that_exists() {
    for (Scenario s : library) {
      assertThat(s.probes())
          .as(s.id())
          .allSatisfy(p -> assertThat(p.expect().mustContain()).as(p.text()).isNotEmpty());
      Set<String> nodes =
          s.objects().stream()
              .filter(o -> o.getKind().equals("Node"))
              .map(o -> o.getMetadata().getName())
              .collect(Collectors.toSet());
      for (HasMetadata o : s.objects()) {
        if (o instanceof Pod pod && pod.getSpec().getNodeName() != null) {
          assertThat(nodes)
              .as(s.id() + " pod " + pod.getMetadata().getName())
              .contains(pod.getSpec().getNodeName());
        }
      }
    }
  }

  /** Owners a real API server would hold (the garbage collector removes a dead owner's refs). */
  private static final Set<String> BUILT_IN_OWNERS =
      Set.of("ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  @Test
  void every_owner_reference_of_a_drawn_workload_names_it_by_name_and_uid() {
    for (Scenario s : library) {
      for (HasMetadata o : s.objects()) {
        var refs = o.getMetadata().getOwnerReferences();
        if (refs == null) {
          continue;
        }
        for (var ref : refs) {
          if (!BUILT_IN_OWNERS.contains(ref.getKind())) {
            continue;
          }
          String what =
              s.id()
                  + ": "
                  + o.getKind()
                  + " "
                  + o.getMetadata().getName()
                  + " owned by "
                  + ref.getKind()
                  + " "
                  + ref.getName();
          List<HasMetadata> owners =
              s.objects().stream()
                  .filter(x -> x.getKind().equals(ref.getKind()))
                  .filter(x -> x.getMetadata().getName().equals(ref.getName()))
                  .filter(
                      x ->
                          java.util.Objects.equals(
                              x.getMetadata().getNamespace(), o.getMetadata().getNamespace()))
                  .toList();
          if (owners.isEmpty()) {
            // a background pod may be drawn without its controller (an add-on's DaemonSet); a pod
            // of a workload the scenario does draw must be owned through the real chain
            boolean drawn =
                s.objects().stream()
                    .filter(x -> BUILT_IN_OWNERS.contains(x.getKind()))
                    .map(x -> x.getMetadata().getName())
                    .anyMatch(n -> ref.getName().equals(n) || ref.getName().startsWith(n + "-"));
            assertThat(drawn)
                .as(what + " (no such object, though its workload is drawn)")
                .isFalse();
            continue;
          }
          assertThat(owners).as(what).hasSize(1);
          String uid = owners.getFirst().getMetadata().getUid();
          if (uid != null && ref.getUid() != null) {
            assertThat(ref.getUid()).as(what + " (uid)").isEqualTo(uid);
          }
        }
      }
    }
  }
}
