package lookout.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import lookout.agent.analyzers.ClusterFacts;
import lookout.agent.sandbox.SandboxCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FactsGathererTest {
  static SandboxCluster sandbox;
  static ClusterReader reader;
  static FactsGatherer gatherer;

  @BeforeAll
  static void start() {
    sandbox = SandboxCluster.start();
    reader = new ClusterReader(sandbox.client());
    gatherer = new FactsGatherer("sandbox", reader);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void workload_facts_hold_its_pods_their_events_and_their_nodes() {
    ClusterFacts facts = gatherer.forWorkload(workload("staging", "checkout"));
    assertThat(facts.cluster()).isEqualTo("sandbox");
    assertThat(facts.pods())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("checkout-7d9f8c6b5d-x2k4p");
    assertThat(facts.events())
        .extracting(Event::getReason)
        .contains("BackOff", "ScalingReplicaSet");
    assertThat(facts.nodes()).extracting(n -> n.getMetadata().getName()).containsExactly("node-1");
    assertThat(facts.logs().tail("staging", "checkout-7d9f8c6b5d-x2k4p", "checkout", true, 100))
        .anyMatch(l -> l.contains("DATABASE_URL is not set"));
  }

  @Test
  void unscheduled_pod_brings_its_claim_the_claim_events_and_all_nodes() {
    ClusterFacts facts = gatherer.forWorkload(workload("staging", "ledger-db"));
    assertThat(facts.claims()).extracting(c -> c.getStatus().getPhase()).containsExactly("Pending");
    assertThat(facts.events())
        .extracting(Event::getReason)
        .contains("ProvisioningFailed", "FailedScheduling");
    assertThat(facts.nodes()).hasSize(3);
  }

  @Test
  void namespace_facts_hold_everything_in_it() {
    ClusterFacts facts = gatherer.forNamespace("prod");
    assertThat(facts.pods()).extracting(p -> p.getMetadata().getNamespace()).containsOnly("prod");
    assertThat(facts.pods().size()).isGreaterThan(10);
    assertThat(facts.events()).isNotEmpty();
    assertThat(facts.nodes()).hasSize(3);
  }

  private static Workload workload(String ns, String name) {
    return ((WorkloadLookup.Found) reader.find(ns, name)).workload();
  }
}
