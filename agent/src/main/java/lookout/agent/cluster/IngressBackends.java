package lookout.agent.cluster;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The Services an Ingress sends traffic to: its default backend and every rule's paths. */
final class IngressBackends {
  private IngressBackends() {}

  static List<String> services(Ingress ingress) {
    Set<String> names = new LinkedHashSet<>();
    if (ingress.getSpec() == null) {
      return List.of();
    }
    add(names, ingress.getSpec().getDefaultBackend());
    if (ingress.getSpec().getRules() != null) {
      for (var rule : ingress.getSpec().getRules()) {
        if (rule.getHttp() != null && rule.getHttp().getPaths() != null) {
          rule.getHttp().getPaths().forEach(p -> add(names, p.getBackend()));
        }
      }
    }
    return List.copyOf(names);
  }

  private static void add(Set<String> names, IngressBackend backend) {
    if (backend != null && backend.getService() != null && backend.getService().getName() != null) {
      names.add(backend.getService().getName());
    }
  }
}
