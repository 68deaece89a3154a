package lookout.agent.actions;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;
import lookout.approvals.Action;

/**
 * One action kind as the approvals tests exercise it on the sandbox's API server: the objects it
 * needs (created in a namespace of its own, {@code %ns} in the YAML), the action, how someone else
 * changes its target between request and execution, and what the cluster shows once it ran.
 *
 * @param yaml objects to create; {@code %ns} is replaced by the test's namespace
 * @param action the action on the namespace
 * @param drift a change made by someone else after the request
 * @param done asserts the cluster's state after a successful execution
 * @param result what the result line starts with
 */
record OperationCase(
    String name,
    String yaml,
    Function<String, Action> action,
    BiConsumer<KubernetesClient, String> drift,
    BiConsumer<KubernetesClient, String> done,
    String result) {

  void create(KubernetesClient client, String ns) {
    client.namespaces().resource(namespace(ns)).create();
    String text = yaml.replace("%ns", ns);
    client
        .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .items()
        .forEach(item -> client.resource(item).create());
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String ns) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(ns)
        .endMetadata()
        .build();
  }

  @Override
  public String toString() {
    return name;
  }
}
