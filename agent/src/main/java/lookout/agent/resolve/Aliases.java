package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The other names people use for an object: the hosts an ingress serves ("crm.corp.example 访问不了" is
 * about that ingress) and a service's DNS names ("reviews.mall", "reviews.mall.svc").
 */
final class Aliases {
  private Aliases() {}

  static List<String> of(Ingress ingress) {
    if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
      return List.of();
    }
    return ingress.getSpec().getRules().stream()
        .map(IngressRule::getHost)
        .filter(Objects::nonNull)
        .filter(h -> !h.startsWith("*"))
        .distinct()
        .toList();
  }

  static List<String> of(Service service) {
    String name = service.getMetadata().getName();
    String ns = service.getMetadata().getNamespace();
    List<String> out = new ArrayList<>();
    if (ns != null) {
      out.add(name + "." + ns);
      out.add(name + "." + ns + ".svc");
      out.add(name + "." + ns + ".svc.cluster.local");
    }
    return out;
  }
}
