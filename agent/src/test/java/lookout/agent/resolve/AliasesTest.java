package lookout.agent.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import lookout.agent.analyzers.ObjectRef;
import lookout.agent.grammar.RuleCommandParser;
import org.junit.jupiter.api.Test;

/** Nodes are asked about by the address people see, whatever the provider calls the node. */
class AliasesTest {
  static Node node(String name, String... addresses) {
    NodeBuilder b = new NodeBuilder().withNewMetadata().withName(name).endMetadata();
    var status = b.withNewStatus();
    for (int i = 0; i + 1 < addresses.length; i += 2) {
      status.addNewAddress().withType(addresses[i]).withAddress(addresses[i + 1]).endAddress();
    }
    return status.endStatus().build();
  }

  @Test
  void a_node_is_known_by_its_addresses_and_the_ip_in_its_name() {
    assertThat(Aliases.of(node("cn-hangzhou.10.1.0.14", "InternalIP", "10.1.0.14")))
        .containsExactly("10.1.0.14");
    assertThat(Aliases.of(node("ip-10-1-0-14.ec2.internal"))).containsExactly("10.1.0.14");
    assertThat(
            Aliases.of(
                node("gke-pool-1-abc", "InternalIP", "10.128.0.7", "ExternalIP", "34.1.2.3")))
        .containsExactly("10.128.0.7", "34.1.2.3");
    assertThat(Aliases.of(node("worker-1"))).isEmpty();
  }

  @Test
  void a_question_that_writes_a_node_ip_means_that_node() {
    List<Inventory.Entry> entries =
        List.of(
            new Inventory.Entry(
                ObjectRef.node("cn-hangzhou.10.1.0.14"),
                null,
                Aliases.of(node("cn-hangzhou.10.1.0.14", "InternalIP", "10.1.0.14"))),
            new Inventory.Entry(
                ObjectRef.node("cn-hangzhou.10.1.0.15"),
                null,
                Aliases.of(node("cn-hangzhou.10.1.0.15", "InternalIP", "10.1.0.15"))));
    Inventory inv = new Inventory(entries, List.of(), List.of("Node"), Map.of(), Instant.EPOCH);

    Target t =
        new Resolver()
            .resolve(
                inv,
                new RuleCommandParser().read("node 10.1.0.14 has DiskPressure, why").clues(),
                null,
                null);

    assertThat(t)
        .isInstanceOfSatisfying(
            Target.One.class,
            one -> assertThat(one.ref()).hasToString("node cn-hangzhou.10.1.0.14"));
  }
}
